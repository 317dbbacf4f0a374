/** ZooKeeper, for state clusters share through it (the HDFS user→DC mapping). */
package io.longhaul.drivers.transport.zookeeper;
