package io.longhaul.activities.hdfsmigration;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.Failures;
import io.longhaul.contracts.hdfsmigration.HdfsActivities;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.DcMapping;
import io.longhaul.drivers.capability.HdfsAdmin;
import io.longhaul.drivers.dialect.hdfs.HdfsWebApi;
import io.longhaul.drivers.transport.zookeeper.ZooKeeperDcMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The migration's cluster calls through {@link DeviceAccess#cluster}, so each reaches the cluster
 * with its inventory trust and credential. The user→DC mapping is written to the ZooKeeper ensemble
 * the NameNode names ({@code ha.zookeeper.quorum}), one session per call.
 */
@Component
public class HdfsActivitiesImpl implements HdfsActivities {
  private static final int ZK_SESSION_MS = 10_000;
  private final Function<String, HdfsAdmin> clusters;

  @Autowired
  public HdfsActivitiesImpl(DeviceAccess devices) {
    this(name -> new HdfsWebApi(name, devices.cluster(name)));
  }

  /** On any way of reaching a cluster by name (a test reaches the lab's in process). */
  public HdfsActivitiesImpl(Function<String, HdfsAdmin> clusters) {
    this.clusters = clusters;
  }

  private <T> T hdfs(String cluster, Function<HdfsAdmin, T> call) {
    try {
      return call.apply(clusters.apply(cluster));
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }

  @Override
  public Load load(String cluster) {
    return hdfs(cluster, h -> load(h.load()));
  }

  private static Load load(HdfsAdmin.NameNodeLoad l) {
    return new Load(
        l.haState(),
        l.blocksTotal(),
        l.lowRedundancyBlocks(),
        l.pendingReplicationBlocks(),
        l.rpcQueueTimeMs(),
        l.linkUtilisation(),
        l.linkLatencyMs());
  }

  @Override
  public Plan plan(PlanRequest request) {
    return hdfs(
        request.cluster(),
        h -> {
          HdfsAdmin.BuLayout bu = h.bu(request.bu());
          List<String> own = request.paths().isEmpty() ? bu.paths() : request.paths();
          List<PathPlan> paths = new ArrayList<>();
          for (String p : own) {
            paths.add(path(h, p, false));
          }
          for (String p : bu.publicPaths()) {
            paths.add(path(h, p, true));
          }
          return new Plan(bu.name(), paths, bu.users(), bu.queues());
        });
  }

  private static PathPlan path(HdfsAdmin h, String p, boolean shared) {
    HdfsAdmin.ContentSummary s = h.contentSummary(p);
    HdfsAdmin.CrossIdcFsck f = h.crossIdcFsck(p);
    return new PathPlan(p, s.length(), f.blocks(), s.files(), h.policy(p), s.spaceQuota(), shared);
  }

  @Override
  public void setPolicy(PolicyChange change) {
    hdfs(
        change.cluster(),
        h -> {
          h.setPolicy(change.path(), change.policy());
          return null;
        });
  }

  @Override
  public void setQuota(QuotaChange change) {
    hdfs(
        change.cluster(),
        h -> {
          h.setSpaceQuota(change.path(), change.bytes());
          return null;
        });
  }

  @Override
  public void setBandwidth(BandwidthChange change) {
    hdfs(
        change.cluster(),
        h -> {
          boolean crashed =
              h.movers().stream().anyMatch(m -> m.dc().equals(change.dc()) && !m.running());
          if (crashed) {
            h.restartMover(change.dc());
          }
          h.setMoverBandwidth(change.dc(), change.bytesPerSec());
          return null;
        });
  }

  @Override
  public Observation observe(ObserveRequest request) {
    return hdfs(
        request.cluster(),
        h -> {
          Fsck f = fsck(h, request.paths());
          Map<String, String> movers = new LinkedHashMap<>();
          Map<String, Long> rates = new LinkedHashMap<>();
          for (HdfsAdmin.MoverState m : h.movers()) {
            movers.put(m.dc(), m.state());
            rates.put(m.dc(), m.rate());
          }
          return new Observation(
              f.replicas(), f.lowRedundancyBlocks(), load(h.load()), movers, rates);
        });
  }

  @Override
  public Fsck fsck(ObserveRequest request) {
    return hdfs(request.cluster(), h -> fsck(h, request.paths()));
  }

  private static Fsck fsck(HdfsAdmin h, List<String> paths) {
    long blocks = 0;
    long misplaced = 0;
    long low = 0;
    Map<String, Long> replicas = new LinkedHashMap<>();
    for (String p : paths) {
      HdfsAdmin.CrossIdcFsck f = h.crossIdcFsck(p);
      blocks += f.blocks();
      misplaced += f.misplacedBlocks();
      low += f.lowRedundancyBlocks();
      f.replicas().forEach((dc, n) -> replicas.merge(dc, n, Long::sum));
    }
    return new Fsck(blocks, misplaced, low, replicas, misplaced == 0 ? "HEALTHY" : "MISPLACED");
  }

  @Override
  public void assign(MappingChange change) {
    String quorum = hdfs(change.cluster(), HdfsAdmin::mappingQuorum);
    try (DcMapping m = new ZooKeeperDcMapping(change.cluster(), quorum, ZK_SESSION_MS)) {
      change.users().forEach(u -> m.assignUser(u, change.dc()));
      change.queues().forEach(q -> m.assignQueue(q, change.dc()));
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }

  @Override
  public String route(RouteProbe probe) {
    return hdfs(probe.cluster(), h -> h.submitProbe(probe.user(), probe.queue(), probe.name()));
  }

  @Override
  public long crossDcTraffic(TrafficRequest request) {
    return hdfs(request.cluster(), h -> h.crossDcTraffic(request.bu()));
  }
}
