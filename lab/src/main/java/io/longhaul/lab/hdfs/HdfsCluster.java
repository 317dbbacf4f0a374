package io.longhaul.lab.hdfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The state of one HDFS cluster spanning DCs B and C: directories with replicas per DC, BUs, the
 * two Movers, the inter-DC link, NameNode load and the faults. Time is simulated: {@link #speed}
 * simulated seconds pass per real second, and every read first advances the Movers to now.
 */
public final class HdfsCluster {
  static final List<String> DCS = List.of("B", "C");

  /** 200 Gbps, the seed's inter-DC link. */
  public static final long LINK_CAPACITY = 25_000_000_000L;

  /** Above this share of its capacity the link degrades: 1 ms → 10 ms, 10 % loss. */
  static final double SATURATED = 0.95;

  final String name;
  final String version;
  final NavigableMap<String, Directory> dirs = new TreeMap<>();
  final Map<String, Bu> bus = new LinkedHashMap<>();
  final Map<String, Mover> movers = new LinkedHashMap<>();
  private final LongSupplier realNanos;
  private long lastReal;
  private double simSeconds;
  private double speed = 1;
  long backgroundBytesPerSec = 2_000_000_000L;
  double rpcSpikeMs;
  boolean standbyDown;
  final Map<String, Integer> racksLost = new TreeMap<>();

  /** Quotas by directory (any directory, tracked or above tracked ones): namespace, space. */
  final Map<String, long[]> quotas = new TreeMap<>();

  final Map<String, Map<String, String>> xattrs = new TreeMap<>();

  public HdfsCluster(String name, String version, LongSupplier realNanos) {
    this.name = name;
    this.version = version;
    this.realNanos = realNanos;
    this.lastReal = realNanos.getAsLong();
    for (String dc : DCS) {
      movers.put(dc, new Mover(dc, 1_000_000_000L));
    }
  }

  public HdfsCluster(String name, String version) {
    this(name, version, System::nanoTime);
  }

  // ---- set-up, as a cluster's history left it ----

  /** Adds a directory of {@code files} files in {@code blocks} blocks, 3 replicas in B. */
  public synchronized void addDirectory(
      String path, String owner, long files, long blocks, long bytes) {
    dirs.put(path, new Directory(path, owner, files, blocks, bytes, nowMillis()));
  }

  public synchronized void addBu(Bu bu) {
    bus.put(bu.name(), bu);
  }

  /** Simulated seconds per real second (the Movers' progress, the soak's clock). */
  public synchronized void speed(double simPerReal) {
    advance();
    this.speed = simPerReal;
  }

  // ---- faults and what the lab's operator sees ----

  public synchronized void rpcLatencySpike(double extraMs) {
    advance();
    this.rpcSpikeMs = extraMs;
  }

  public synchronized void backgroundTraffic(long bytesPerSec) {
    advance();
    this.backgroundBytesPerSec = bytesPerSec;
  }

  /** Saturates the link with background traffic, or (false) brings it back to normal. */
  public void saturateLink(boolean on) {
    backgroundTraffic(on ? LINK_CAPACITY : 2_000_000_000L);
  }

  /** How many excess replicas the DC's Mover removes per simulated second (default 200,000). */
  public synchronized void deletionRate(String dc, long perSec) {
    advance();
    movers.get(dc).deletionsPerSec = perSec;
  }

  public synchronized void crashMover(String dc) {
    advance();
    movers.get(dc).running = false;
  }

  public synchronized void standbyUnavailable(boolean down) {
    this.standbyDown = down;
  }

  /** A rack of {@code dc} is lost: a third of the blocks placed there lose a replica. */
  public synchronized void loseRack(String dc, int rack) {
    advance();
    racksLost.merge(dc, 1, Integer::sum);
    for (Directory d : dirs.values()) {
      d.in(dc).lose(d.in(dc).done / 3);
    }
  }

  public synchronized String policy(String path) {
    Directory d = dirs.get(path);
    return d == null ? null : d.policy.toString();
  }

  /** Replicas each DC holds under {@code prefix}. */
  public synchronized Map<String, Long> replicas(String prefix) {
    advance();
    Map<String, Long> out = new TreeMap<>();
    for (String dc : DCS) {
      out.put(dc, under(prefix).stream().mapToLong(d -> d.in(dc).replicas()).sum());
    }
    return out;
  }

  public synchronized long moverBandwidth(String dc) {
    return movers.get(dc).bandwidth;
  }

  // ---- the model ----

  synchronized void advance() {
    long now = realNanos.getAsLong();
    double dt = (now - lastReal) / 1e9 * speed;
    lastReal = now;
    if (dt <= 0) {
      return;
    }
    simSeconds += dt;
    double linkShare = 1 - Math.min(1, (double) backgroundBytesPerSec / LINK_CAPACITY);
    for (Mover m : movers.values()) {
      m.rate = 0;
      if (!m.running) {
        continue;
      }
      double rate = Math.min(m.bandwidth, linkShare * LINK_CAPACITY);
      if (saturated(m.bandwidth)) {
        rate *= 0.5; // 10 % loss: TCP halves what gets through
      }
      m.carryBytes += rate * dt;
      m.carryDeletes += m.deletionsPerSec * dt;
      double before = m.carryBytes;
      for (Directory d : dirs.values()) {
        Placement p = d.in(m.dc);
        if (p.adding() && d.blockBytes() > 0) {
          long can = (long) (m.carryBytes / d.blockBytes());
          long room = roomFor(d, p);
          long n = Math.min(Math.min(can, p.pending()), room);
          p.done += n;
          m.carryBytes -= n * d.blockBytes();
          m.copiedBytes += Math.round(n * d.blockBytes());
        } else if (p.removing()) {
          long n = Math.min((long) m.carryDeletes, p.pending());
          p.done += n;
          m.carryDeletes -= n;
        }
      }
      m.rate = (before - m.carryBytes) / dt;
      if (!anyAdding(m.dc)) {
        m.carryBytes = 0;
      }
      m.carryDeletes = Math.min(m.carryDeletes, m.deletionsPerSec);
    }
  }

  /** Blocks the storage-space quotas of the directory and its parents leave room to copy. */
  private long roomFor(Directory d, Placement p) {
    long room = Long.MAX_VALUE;
    double perBlock = Math.max(1, d.blockBytes() * Math.max(1, p.target - p.from));
    for (Map.Entry<String, long[]> q : quotas.entrySet()) {
      long ss = q.getValue()[1];
      if (ss >= 0 && (d.path.equals(q.getKey()) || d.path.startsWith(q.getKey() + "/"))) {
        long used = under(q.getKey()).stream().mapToLong(Directory::spaceConsumed).sum();
        room = Math.min(room, Math.max(0, (long) ((ss - used) / perBlock)));
      }
    }
    return room;
  }

  /** The namespace and space quota of a directory, -1 for none. */
  long[] quota(String path) {
    return quotas.getOrDefault(path, new long[] {-1, -1});
  }

  /** The storage-space quota set on {@code path}, -1 for none. */
  public synchronized long spaceQuota(String path) {
    return quota(path)[1];
  }

  private boolean anyAdding(String dc) {
    return dirs.values().stream().anyMatch(d -> d.in(dc).adding());
  }

  private boolean saturated(long moverBandwidth) {
    return backgroundBytesPerSec + moverBandwidth >= SATURATED * LINK_CAPACITY;
  }

  double linkUtilisation() {
    double movers = this.movers.values().stream().mapToDouble(m -> m.rate).sum();
    return Math.min(1, (backgroundBytesPerSec + crossDcReads() + movers) / LINK_CAPACITY);
  }

  double linkLatencyMs() {
    return linkUtilisation() >= SATURATED ? 10 : 1;
  }

  double linkLossPercent() {
    return linkUtilisation() >= SATURATED ? 10 : 0;
  }

  double rpcQueueMs() {
    double copying = movers.values().stream().mapToDouble(m -> m.rate).sum() / LINK_CAPACITY;
    return 0.8 + 2 * copying + rpcSpikeMs;
  }

  /** Bytes per second the BU's jobs read from the DC they do not run in. */
  double crossDcReads(Bu bu, UserDcMapping mapping) {
    double share = 0;
    for (String user : bu.users()) {
      String dc = mapping == null ? "B" : mapping.dcOf(user, "B");
      long blocks = 0;
      long local = 0;
      for (Directory d : under(bu.paths())) {
        blocks += d.blocks;
        local += Math.min(d.blocks, d.in(dc).replicas() == 0 ? 0 : d.in(dc).done);
      }
      share += blocks == 0 ? 0 : 1 - (double) local / blocks;
    }
    return bu.users().isEmpty() ? 0 : bu.readBytesPerSec() * share / bu.users().size();
  }

  private double crossDcReads() {
    double sum = 0;
    for (Bu bu : bus.values()) {
      sum += crossDcReads(bu, mapping);
    }
    return sum;
  }

  UserDcMapping mapping;

  /** The user→DC mapping the NameNode and the RM proxy share (the lab's ZooKeeper). */
  public synchronized void mapping(UserDcMapping m) {
    this.mapping = m;
  }

  List<Directory> under(String prefix) {
    List<Directory> out = new ArrayList<>();
    String p = prefix.endsWith("/") ? prefix : prefix + "/";
    for (Directory d : dirs.values()) {
      if (d.path.equals(prefix) || d.path.startsWith(p) || prefix.equals("/")) {
        out.add(d);
      }
    }
    return out;
  }

  List<Directory> under(List<String> prefixes) {
    List<Directory> out = new ArrayList<>();
    prefixes.forEach(p -> out.addAll(under(p)));
    return out;
  }

  long nowMillis() {
    return System.currentTimeMillis();
  }

  double simSeconds() {
    return simSeconds;
  }
}
