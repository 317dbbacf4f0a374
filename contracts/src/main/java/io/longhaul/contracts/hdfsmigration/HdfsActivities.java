package io.longhaul.contracts.hdfsmigration;

import io.temporal.activity.ActivityInterface;
import java.util.List;
import java.util.Map;

/**
 * An HDFS cluster's side of a BU migration, on the clusters queue. Reads are safe to repeat; every
 * write sets a value (a policy, a quota, a bandwidth, a mapping), so a retried one is harmless.
 */
@ActivityInterface
public interface HdfsActivities {

  /** The NameNode's HA state and load: the migration starts only on a healthy active NameNode. */
  Load load(String cluster);

  /** The BU's paths with their size and blocks, their policy and quota, its users and queues. */
  Plan plan(PlanRequest request);

  void setPolicy(PolicyChange change);

  void setQuota(QuotaChange change);

  /** Sets the Mover's bandwidth in {@code dc}, restarting it first if it crashed. */
  void setBandwidth(BandwidthChange change);

  /** Replicas per DC under the paths, Movers and load, in one read. */
  Observation observe(ObserveRequest request);

  /** Cross-IDC fsck over the paths: misplaced blocks against the policy. */
  Fsck fsck(ObserveRequest request);

  /** Points the users and queues at {@code dc} in the user→DC mapping (ZooKeeper). */
  void assign(MappingChange change);

  /** Submits a probe job as {@code user} through the RM proxy: the DC it landed in. */
  String route(RouteProbe probe);

  /** Bytes per second the BU's jobs read across the inter-DC link. */
  long crossDcTraffic(TrafficRequest request);

  record PlanRequest(String cluster, String bu, List<String> paths) {}

  record PathPlan(
      String path,
      long bytes,
      long blocks,
      long files,
      String policy,
      long spaceQuota,
      boolean shared) {}

  record Plan(String bu, List<PathPlan> paths, List<String> users, List<String> queues) {}

  record PolicyChange(String cluster, String path, String policy) {}

  record QuotaChange(String cluster, String path, long bytes) {}

  record BandwidthChange(String cluster, String dc, long bytesPerSec) {}

  record ObserveRequest(String cluster, List<String> paths) {}

  record Load(
      String haState,
      long blocksTotal,
      long lowRedundancyBlocks,
      long pendingReplicationBlocks,
      double rpcQueueTimeMs,
      double linkUtilisation,
      double linkLatencyMs) {}

  record Observation(
      Map<String, Long> replicas,
      long lowRedundancyBlocks,
      Load load,
      Map<String, String> movers,
      Map<String, Long> moverRates) {}

  record Fsck(
      long blocks,
      long misplacedBlocks,
      long lowRedundancyBlocks,
      Map<String, Long> replicas,
      String status) {}

  record MappingChange(String cluster, List<String> users, List<String> queues, String dc) {}

  record RouteProbe(String cluster, String user, String queue, String name) {}

  record TrafficRequest(String cluster, String bu) {}
}
