package io.longhaul.lab.hdfs;

import io.longhaul.lab.http.HttpAnswer;
import io.longhaul.lab.http.HttpCall;
import io.longhaul.lab.http.HttpDevice;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The cluster's HTTP face: the NameNode's WebHDFS, {@code /jmx}, {@code /fsck} and {@code /conf}
 * servlets, Ctrip's {@code /ext/v1} extensions and the RM proxy's {@code /ws/v1/cluster}.
 */
public final class HdfsDevice implements HttpDevice {
  private final HdfsCluster cluster;
  private final WebHdfs webhdfs;
  private final NameNodeReports reports;
  private final Extensions ext;
  private final RmProxy rm;
  private final List<String> requestLog = new CopyOnWriteArrayList<>();

  public HdfsDevice(HdfsCluster cluster) {
    this.cluster = cluster;
    this.webhdfs = new WebHdfs(cluster);
    this.reports = new NameNodeReports(cluster);
    this.ext = new Extensions(cluster);
    this.rm = new RmProxy(cluster);
  }

  public HdfsCluster cluster() {
    return cluster;
  }

  @Override
  public HttpAnswer handle(HttpCall call) {
    requestLog.add(call.line());
    String path = call.path();
    if (path.startsWith(WebHdfs.PREFIX)) {
      return webhdfs.handle(call);
    }
    if (path.startsWith("/ext/v1/")) {
      return ext.handle(call);
    }
    if (path.startsWith("/ws/v1/cluster")) {
      return rm.handle(call);
    }
    if (!call.method().equals("GET")) {
      return HttpAnswer.error(405, "method not allowed");
    }
    return switch (path) {
      case "/jmx" -> reports.jmx(Query.of(call.query()));
      case "/fsck" -> reports.fsck(Query.of(call.query()));
      case "/conf" -> conf(Query.of(call.query()));
      default -> HttpAnswer.error(404, "no such resource " + path);
    };
  }

  /** {@code /conf?name=ha.zookeeper.quorum&format=json}: where the user→DC mapping lives. */
  private HttpAnswer conf(Query q) {
    String name = q.get("name", "");
    UserDcMapping m = cluster.mapping;
    if (!name.equals("ha.zookeeper.quorum") || m == null) {
      return HttpAnswer.error(404, "Property " + name + " not found");
    }
    return HttpAnswer.ok(
        Map.of(
            "property",
            Map.of(
                "key",
                name,
                "value",
                m.connectString(),
                "isFinal",
                false,
                "resource",
                "core-site.xml")));
  }

  /** Every request that reached the cluster, {@code METHOD /path}. */
  public List<String> requestLog() {
    return List.copyOf(requestLog);
  }
}
