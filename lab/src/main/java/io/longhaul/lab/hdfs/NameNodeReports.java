package io.longhaul.lab.hdfs;

import io.longhaul.lab.http.HttpAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The NameNode's {@code /jmx} beans and the fsck servlet's text report. */
final class NameNodeReports {
  private final HdfsCluster c;

  NameNodeReports(HdfsCluster cluster) {
    this.c = cluster;
  }

  /** {@code /jmx?qry=<bean name>}; a {@code *} at the end of the query matches any suffix. */
  HttpAnswer jmx(Query q) {
    String qry = q.get("qry", "*");
    List<Object> beans = new ArrayList<>();
    synchronized (c) {
      c.advance();
      for (Map<String, Object> bean : beans()) {
        String name = (String) bean.get("name");
        if (qry.equals("*")
            || qry.equals(name)
            || (qry.endsWith("*") && name.startsWith(qry.substring(0, qry.length() - 1)))) {
          beans.add(bean);
        }
      }
    }
    return HttpAnswer.ok(Map.of("beans", beans));
  }

  private List<Map<String, Object>> beans() {
    long blocks = c.dirs.values().stream().mapToLong(d -> d.blocks).sum();
    long low = c.dirs.values().stream().mapToLong(Directory::lowRedundancy).sum();
    long used = c.dirs.values().stream().mapToLong(Directory::spaceConsumed).sum();
    long files = c.dirs.values().stream().mapToLong(d -> d.files).sum();
    long pending =
        c.movers.values().stream().filter(m -> m.running && m.rate > 0).count() > 0
            ? Math.min(low, 10_000)
            : 0;
    long nodes = Datanodes.all().size();
    Map<String, Object> fs = bean("FSNamesystem");
    fs.put("tag.HAState", "active");
    fs.put("BlocksTotal", blocks);
    fs.put("FilesTotal", files + c.dirs.size());
    fs.put("CapacityTotal", nodes * 12L * 1024 * 1024 * 1024 * 1024);
    fs.put("CapacityUsed", used);
    fs.put("CapacityRemaining", nodes * 12L * 1024 * 1024 * 1024 * 1024 - used);
    fs.put("LowRedundancyBlocks", low);
    fs.put("UnderReplicatedBlocks", low);
    fs.put("PendingReplicationBlocks", pending);
    fs.put("PendingDeletionBlocks", 0);
    fs.put("MissingBlocks", 0);
    fs.put(
        "NumLiveDataNodes",
        nodes - c.racksLost.values().stream().mapToInt(i -> i).sum() * Datanodes.PER_RACK);
    fs.put(
        "NumDeadDataNodes",
        c.racksLost.values().stream().mapToInt(i -> i).sum() * Datanodes.PER_RACK);
    Map<String, Object> rpc = bean("RpcActivityForPort8020");
    rpc.put("RpcQueueTimeNumOps", (long) (c.simSeconds() * 1000));
    rpc.put("RpcQueueTimeAvgTime", round(c.rpcQueueMs()));
    rpc.put("RpcProcessingTimeAvgTime", round(0.3 + c.rpcSpikeMs / 4));
    rpc.put("CallQueueLength", (long) (c.rpcSpikeMs * 10));
    Map<String, Object> info = bean("NameNodeInfo");
    info.put("Version", c.version + ", r" + Integer.toHexString(c.name.hashCode()));
    info.put("Total", nodes * 12L * 1024 * 1024 * 1024 * 1024);
    info.put("Used", used);
    Map<String, Object> status = bean("NameNodeStatus");
    status.put("State", "active");
    status.put("HostAndPort", c.name + ":8020");
    Map<String, Object> link = bean("CrossIdcLink");
    link.put("CapacityBytesPerSec", HdfsCluster.LINK_CAPACITY);
    link.put("Utilization", round(c.linkUtilisation()));
    link.put("LatencyMs", c.linkLatencyMs());
    link.put("LossPercent", c.linkLossPercent());
    link.put(
        "MoverBytesPerSec", Math.round(c.movers.values().stream().mapToDouble(m -> m.rate).sum()));
    return List.of(fs, rpc, info, status, link);
  }

  private static Map<String, Object> bean(String name) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("name", "Hadoop:service=NameNode,name=" + name);
    b.put("modelerType", name);
    return b;
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /**
   * {@code /fsck?path=…&files=1&blocks=1&locations=1&racks=1}: the servlet's text, first 100 files.
   */
  HttpAnswer fsck(Query q) {
    String path = q.get("path", "/");
    boolean files = "1".equals(q.get("files"));
    boolean blocks = "1".equals(q.get("blocks"));
    boolean racks = "1".equals(q.get("racks"));
    StringBuilder out = new StringBuilder();
    synchronized (c) {
      c.advance();
      List<Directory> dirs = c.under(path);
      if (dirs.isEmpty() && !c.dirs.containsKey(path)) {
        return HttpAnswer.text(
            200,
            "FSCK started by hdfs (auth:SIMPLE) from /127.0.0.1 for path "
                + path
                + "\nFSCK ended\nPath '"
                + path
                + "' does not exist\n");
      }
      out.append("FSCK started by hdfs (auth:SIMPLE) from /127.0.0.1 for path ")
          .append(path)
          .append('\n');
      long shown = 0;
      long totalBlocks = 0;
      long bytes = 0;
      long fileCount = 0;
      long under = 0;
      long replicas = 0;
      for (Directory d : dirs) {
        totalBlocks += d.blocks;
        bytes += d.bytes;
        fileCount += d.files;
        under += d.lowRedundancy();
        replicas += d.replicas();
        long per = Math.max(1, d.blocks / Math.max(1, d.files));
        for (int i = 0; files && i < d.files && shown < 100; i++, shown++) {
          long len = d.bytes / Math.max(1, d.files);
          out.append(
              String.format(
                  "%s/part-%05d %d bytes, replicated: replication=%d, %d block(s):  OK%n",
                  d.path, i, len, d.replication, per));
          for (long k = 0; blocks && k < per; k++) {
            long b = i * per + k;
            List<String> locs = new ArrayList<>();
            for (String dc : HdfsCluster.DCS) {
              for (Datanodes.Node n : Datanodes.placement(dc, b, d.in(dc).ofBlock(b))) {
                locs.add((racks ? n.networkLocation() + "/" : "") + n.xfer());
              }
            }
            out.append(
                String.format(
                    "%d. BP-1-%s:blk_%d_1001 len=%d Live_repl=%d  %s%n",
                    k, c.name, 1073741825L + b, len / per, locs.size(), locs));
          }
        }
      }
      String health = "HEALTHY";
      out.append("\nStatus: ").append(health).append('\n');
      out.append(" Number of data-nodes:\t").append(Datanodes.all().size()).append('\n');
      out.append(" Number of racks:\t\t").append(Datanodes.RACKS * 2).append('\n');
      out.append(" Total dirs:\t\t\t").append(dirs.size()).append('\n');
      out.append(" Total symlinks:\t\t0\n\nReplicated Blocks:\n");
      out.append(" Total size:\t").append(bytes).append(" B\n");
      out.append(" Total files:\t").append(fileCount).append('\n');
      out.append(" Total blocks (validated):\t")
          .append(totalBlocks)
          .append(" (avg. block size ")
          .append(totalBlocks == 0 ? 0 : bytes / totalBlocks)
          .append(" B)\n");
      out.append(" Minimally replicated blocks:\t").append(totalBlocks).append(" (100.0 %)\n");
      out.append(" Over-replicated blocks:\t0 (0.0 %)\n");
      out.append(" Under-replicated blocks:\t")
          .append(under)
          .append(
              String.format(" (%.1f %%)%n", totalBlocks == 0 ? 0 : 100.0 * under / totalBlocks));
      out.append(" Mis-replicated blocks:\t\t0 (0.0 %)\n");
      out.append(" Default replication factor:\t3\n");
      out.append(
          String.format(
              " Average block replication:\t%.1f%n",
              totalBlocks == 0 ? 0 : (double) replicas / totalBlocks));
      out.append(" Missing blocks:\t\t0\n Corrupt blocks:\t\t0\n Missing replicas:\t\t0 (0.0 %)\n");
      out.append("FSCK ended\n\nThe filesystem under path '")
          .append(path)
          .append("' is ")
          .append(health)
          .append('\n');
    }
    return HttpAnswer.text(200, out.toString());
  }
}
