package io.longhaul.lab.hdfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.lab.http.HttpAnswer;
import io.longhaul.lab.http.HttpCall;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Ctrip added to HDFS, as the lab's documented extensions under {@code /ext/v1}:
 *
 * <ul>
 *   <li>{@code GET|PUT /ext/v1/policy?path=P} — the cross-DC replica policy of every directory
 *       under P, {@code {"policy": "B:3,C:0"}};
 *   <li>{@code GET /ext/v1/movers}, {@code PUT /ext/v1/movers/<dc>} — each DC's Mover: {@code
 *       {"bandwidthBytesPerSec": n}} sets its bandwidth, {@code {"state": "RUNNING"}} restarts it;
 *   <li>{@code GET /ext/v1/crossidc-fsck?path=P} — Cross-IDC fsck, policy against placement,
 *       answered by the standby NameNode (503 while it is unavailable);
 *   <li>{@code GET /ext/v1/bus/<bu>} — a BU's directories, public tables, users and queues;
 *   <li>{@code GET /ext/v1/traffic?bu=<bu>} — the bytes per second the BU's jobs read across the
 *       link.
 * </ul>
 */
final class Extensions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HdfsCluster c;

  Extensions(HdfsCluster cluster) {
    this.c = cluster;
  }

  HttpAnswer handle(HttpCall call) {
    String path = call.path();
    Query q = Query.of(call.query());
    synchronized (c) {
      c.advance();
      if (path.equals("/ext/v1/policy")) {
        return policy(call, q.get("path", ""));
      }
      if (path.equals("/ext/v1/movers") && call.method().equals("GET")) {
        return HttpAnswer.ok(
            Map.of("movers", c.movers.values().stream().map(Extensions::mover).toList()));
      }
      if (path.startsWith("/ext/v1/movers/") && call.method().equals("PUT")) {
        return setMover(path.substring("/ext/v1/movers/".length()), call.body());
      }
      if (path.equals("/ext/v1/crossidc-fsck") && call.method().equals("GET")) {
        return crossIdcFsck(q.get("path", ""));
      }
      if (path.startsWith("/ext/v1/bus/") && call.method().equals("GET")) {
        Bu bu = c.bus.get(path.substring("/ext/v1/bus/".length()));
        return bu == null
            ? HttpAnswer.error(404, "no BU " + path.substring(12))
            : HttpAnswer.ok(bu);
      }
      if (path.equals("/ext/v1/traffic") && call.method().equals("GET")) {
        Bu bu = c.bus.get(q.get("bu", ""));
        if (bu == null) {
          return HttpAnswer.error(404, "no BU " + q.get("bu", ""));
        }
        return HttpAnswer.ok(
            Map.of(
                "bu",
                bu.name(),
                "crossDcBytesPerSec",
                Math.round(c.crossDcReads(bu, c.mapping)),
                "linkUtilization",
                c.linkUtilisation()));
      }
    }
    return HttpAnswer.error(404, "no such resource " + path);
  }

  private HttpAnswer policy(HttpCall call, String path) {
    List<Directory> dirs = c.under(path);
    if (path.isEmpty() || dirs.isEmpty()) {
      return WebHdfs.remote(404, "FileNotFoundException", "File does not exist: " + path);
    }
    if (call.method().equals("PUT")) {
      DcPolicy p = DcPolicy.parse(text(call.body(), "policy"));
      if (p == null) {
        return HttpAnswer.error(400, "policy must be like B:3,C:0");
      }
      dirs.forEach(d -> d.policy(p));
    } else if (!call.method().equals("GET")) {
      return HttpAnswer.error(405, "method not allowed");
    }
    return HttpAnswer.ok(Map.of("path", path, "policy", dirs.getFirst().policy.toString()));
  }

  private static Map<String, Object> mover(Mover m) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dc", m.dc);
    out.put("state", m.state());
    out.put("bandwidthBytesPerSec", m.bandwidth);
    out.put("rateBytesPerSec", Math.round(m.rate));
    out.put("copiedBytes", m.copiedBytes);
    return out;
  }

  private HttpAnswer setMover(String dc, String body) {
    Mover m = c.movers.get(dc);
    if (m == null) {
      return HttpAnswer.error(404, "no Mover in DC " + dc);
    }
    JsonNode n = tree(body);
    if (n == null) {
      return HttpAnswer.error(400, "body must be JSON");
    }
    if (n.has("bandwidthBytesPerSec")) {
      if (!n.get("bandwidthBytesPerSec").canConvertToLong()
          || n.get("bandwidthBytesPerSec").asLong() < 0) {
        return HttpAnswer.error(400, "bandwidthBytesPerSec must be a non-negative integer");
      }
      m.bandwidth = n.get("bandwidthBytesPerSec").asLong();
    }
    if ("RUNNING".equals(n.path("state").asText(null))) {
      m.running = true;
    }
    return HttpAnswer.ok(mover(m));
  }

  private HttpAnswer crossIdcFsck(String path) {
    if (c.standbyDown) {
      return WebHdfs.remote(
          503,
          "StandbyException",
          "Operation category READ is not supported in state standby: standby NameNode unavailable");
    }
    List<Directory> dirs = c.under(path);
    if (dirs.isEmpty()) {
      return WebHdfs.remote(404, "FileNotFoundException", "File does not exist: " + path);
    }
    long blocks = 0;
    long misplaced = 0;
    long low = 0;
    Map<String, Long> replicas = new LinkedHashMap<>();
    List<Object> perDir = new ArrayList<>();
    for (Directory d : dirs) {
      blocks += d.blocks;
      misplaced += d.misplaced();
      low += d.lowRedundancy();
      for (String dc : HdfsCluster.DCS) {
        replicas.merge(dc, d.in(dc).replicas(), Long::sum);
      }
      perDir.add(
          Map.of(
              "path",
              d.path,
              "policy",
              d.policy.toString(),
              "blocks",
              d.blocks,
              "misplacedBlocks",
              d.misplaced()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("path", path);
    out.put("blocks", blocks);
    out.put("misplacedBlocks", misplaced);
    out.put("lowRedundancyBlocks", low);
    out.put("replicas", replicas);
    out.put("status", misplaced == 0 ? "HEALTHY" : "MISPLACED");
    out.put("directories", perDir.size() > 200 ? perDir.subList(0, 200) : perDir);
    return HttpAnswer.ok(out);
  }

  static JsonNode tree(String body) {
    try {
      JsonNode n = JSON.readTree(body == null ? "" : body);
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(String body, String field) {
    JsonNode n = tree(body);
    return n == null || !n.path(field).isTextual() ? null : n.get(field).asText();
  }
}
