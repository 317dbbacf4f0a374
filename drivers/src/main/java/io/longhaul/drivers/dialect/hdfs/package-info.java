/** HDFS administration over a cluster's HTTP API: WebHDFS, JMX and Ctrip's extensions. */
package io.longhaul.drivers.dialect.hdfs;
