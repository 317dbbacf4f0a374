/** The HDFS BU migration's cluster calls: WebHDFS, JMX, Ctrip's extensions, ZooKeeper. */
package io.longhaul.activities.hdfsmigration;
