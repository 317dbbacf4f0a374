package io.longhaul.drivers.capability;

import java.util.List;
import java.util.Map;

/**
 * An HDFS cluster's administration across two DCs: WebHDFS (summaries, quotas, xattrs, block
 * locations), the NameNode's JMX load figures, and Ctrip's extensions (cross-DC replica policy,
 * per-DC Movers, Cross-IDC fsck, BU layout, cross-DC traffic) and RM proxy. Reads are safe to
 * repeat; every write sets a value, so repeating one is harmless.
 */
public interface HdfsAdmin {

  /** {@code GETCONTENTSUMMARY}. */
  ContentSummary contentSummary(String path);

  /** {@code GETQUOTAUSAGE}. */
  QuotaUsage quotaUsage(String path);

  /** {@code SETQUOTA} with {@code storagespacequota} (and the namespace quota unchanged). */
  void setSpaceQuota(String path, long bytes);

  /** {@code SETXATTR} ({@code flag=CREATE} or {@code REPLACE} as the name is new or not). */
  void setXattr(String path, String name, String value);

  /** {@code GETXATTRS}, values without their quotes. */
  Map<String, String> xattrs(String path);

  /** {@code GET_BLOCK_LOCATIONS} of a file: each block's replicas as network locations. */
  List<List<String>> blockLocations(String file);

  /** The cross-DC replica policy of the directories under {@code path}, e.g. {@code B:3,C:0}. */
  String policy(String path);

  void setPolicy(String path, String policy);

  /** The Mover of each DC. */
  List<MoverState> movers();

  void setMoverBandwidth(String dc, long bytesPerSec);

  /** Restarts a crashed Mover. */
  void restartMover(String dc);

  /** The NameNode's load and the inter-DC link, from {@code /jmx}. */
  NameNodeLoad load();

  /** Cross-IDC fsck of {@code path} (answered by the standby). */
  CrossIdcFsck crossIdcFsck(String path);

  /** A BU's directories, public tables, users and queues, as the cluster keeps them. */
  BuLayout bu(String bu);

  /** Bytes per second the BU's jobs read across the inter-DC link. */
  long crossDcTraffic(String bu);

  /** Submits a probe application as {@code user} on {@code queue}; the DC it landed in. */
  String submitProbe(String user, String queue, String name);

  /** Where the user→DC mapping lives ({@code ha.zookeeper.quorum}). */
  String mappingQuorum();

  record ContentSummary(
      long directories, long files, long length, long spaceConsumed, long spaceQuota) {}

  record QuotaUsage(long namespace, long namespaceQuota, long spaceConsumed, long spaceQuota) {}

  record MoverState(String dc, String state, long bandwidth, long rate, long copiedBytes) {
    public boolean running() {
      return "RUNNING".equals(state);
    }
  }

  record NameNodeLoad(
      long blocksTotal,
      long lowRedundancyBlocks,
      long pendingReplicationBlocks,
      long capacityUsed,
      double rpcQueueTimeMs,
      double rpcProcessingTimeMs,
      double linkUtilisation,
      double linkLatencyMs,
      String haState) {}

  record CrossIdcFsck(
      String path,
      long blocks,
      long misplacedBlocks,
      long lowRedundancyBlocks,
      Map<String, Long> replicas,
      String status) {}

  record BuLayout(
      String name,
      List<String> paths,
      List<String> publicPaths,
      List<String> users,
      List<String> queues) {}
}
