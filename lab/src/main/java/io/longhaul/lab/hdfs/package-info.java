/**
 * A simulated HDFS cluster spanning two data centers (seed 002): namespace, BU directories,
 * replicas per DC, quotas, Ctrip's cross-DC replica policy and Movers, the inter-DC link, a YARN RM
 * proxy and the user→DC mapping in an embedded ZooKeeper. State, not bytes: a directory holds
 * aggregate counts, so a BU of millions of blocks costs a few objects.
 */
package io.longhaul.lab.hdfs;
