package io.longhaul.lab.hdfs;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.lab.http.HttpAnswer;
import io.longhaul.lab.http.HttpCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ctrip's YARN ResourceManager proxy in the {@code /ws/v1/cluster} shapes: a submitted application
 * goes to the DC the user→DC mapping names for its queue (else its user), and is shown with that
 * sub-cluster ({@code subClusterId}, as YARN federation's router names one). Submission is the RM's
 * two calls: {@code POST /ws/v1/cluster/apps/new-application}, then {@code POST
 * /ws/v1/cluster/apps?user.name=<user>} with the application's id, name and queue.
 */
final class RmProxy {
  private final HdfsCluster c;
  private final long started = System.currentTimeMillis();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<String, Map<String, Object>> apps = new LinkedHashMap<>();

  RmProxy(HdfsCluster cluster) {
    this.c = cluster;
  }

  synchronized HttpAnswer handle(HttpCall call) {
    String path = call.path().replaceAll("/+$", "");
    Query q = Query.of(call.query());
    if (path.equals("/ws/v1/cluster/info")) {
      Map<String, Object> info = new LinkedHashMap<>();
      info.put("id", started);
      info.put("startedOn", started);
      info.put("state", "STARTED");
      info.put("haState", "ACTIVE");
      info.put("resourceManagerVersion", c.version);
      info.put("hadoopVersion", c.version);
      return HttpAnswer.ok(Map.of("clusterInfo", info));
    }
    if (path.equals("/ws/v1/cluster/apps/new-application") && call.method().equals("POST")) {
      String id = String.format("application_%d_%04d", started, ids.incrementAndGet());
      return HttpAnswer.ok(
          Map.of(
              "application-id",
              id,
              "maximum-resource-capability",
              Map.of("memory", 8192, "vCores", 32)));
    }
    if (path.equals("/ws/v1/cluster/apps") && call.method().equals("POST")) {
      return submit(q.get("user.name"), Extensions.tree(call.body()));
    }
    if (path.equals("/ws/v1/cluster/apps") && call.method().equals("GET")) {
      String user = q.get("user");
      List<Object> out = new ArrayList<>();
      apps.values().stream()
          .filter(a -> user == null || user.equals(a.get("user")))
          .forEach(out::add);
      return HttpAnswer.ok(Map.of("apps", out.isEmpty() ? Map.of() : Map.of("app", out)));
    }
    if (path.startsWith("/ws/v1/cluster/apps/") && call.method().equals("GET")) {
      Map<String, Object> app = apps.get(path.substring("/ws/v1/cluster/apps/".length()));
      return app == null
          ? HttpAnswer.error(404, "app not found")
          : HttpAnswer.ok(Map.of("app", app));
    }
    return HttpAnswer.error(404, "no such resource " + path);
  }

  private HttpAnswer submit(String user, JsonNode body) {
    if (user == null || !user.matches("[a-z_][a-z0-9_.-]{0,31}")) {
      return HttpAnswer.error(400, "user.name is required");
    }
    if (body == null
        || !body.path("application-id").isTextual()
        || !body.path("queue").isTextual()) {
      return HttpAnswer.error(400, "body needs application-id and queue");
    }
    String id = body.get("application-id").asText();
    String queue = body.get("queue").asText();
    UserDcMapping m = c.mapping;
    String dc = m == null ? "B" : m.queueDc(queue, m.dcOf(user, "B"));
    Map<String, Object> app = new LinkedHashMap<>();
    app.put("id", id);
    app.put("user", user);
    app.put("name", body.path("application-name").asText("app"));
    app.put("queue", "root.dc" + dc + "." + queue);
    app.put("state", "RUNNING");
    app.put("finalStatus", "UNDEFINED");
    app.put("applicationType", body.path("application-type").asText("MAPREDUCE"));
    app.put("subClusterId", "dc" + dc);
    app.put("amHostHttpAddress", new Datanodes.Node(dc, 1, 1).host() + ":8042");
    app.put("startedTime", System.currentTimeMillis());
    apps.put(id, app);
    return new HttpAnswer(202, "");
  }
}
