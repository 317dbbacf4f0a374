package io.longhaul.drivers.dialect.hdfs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.ClusterApi;
import io.longhaul.drivers.capability.HdfsAdmin;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@link HdfsAdmin} on a cluster's JSON API: WebHDFS v1 under {@code /webhdfs/v1}, the NameNode's
 * {@code /jmx} beans, Ctrip's {@code /ext/v1} extensions and the RM proxy's {@code /ws/v1/cluster}.
 * HDFS paths are checked here (absolute, no dot segments) before they are encoded into a URL.
 */
public final class HdfsWebApi implements HdfsAdmin {
  private static final Pattern PATH = Pattern.compile("/|(/[A-Za-z0-9_][A-Za-z0-9_.=-]{0,254})+");
  private static final Pattern DC = Pattern.compile("[BC]");
  private static final Pattern POLICY = Pattern.compile("B:[0-3],C:[0-3]");
  private static final String FS = "Hadoop:service=NameNode,name=";
  private static final JsonNodeFactory N = JsonNodeFactory.instance;

  private final String cluster;
  private final ClusterApi api;

  public HdfsWebApi(String cluster, ClusterApi api) {
    this.cluster = cluster;
    this.api = api;
  }

  private String hdfs(String path) {
    if (path == null || !PATH.matcher(path).matches()) {
      throw new DeviceException.InvalidParameter(
          cluster, "path", "not an absolute HDFS path: " + path);
    }
    return path;
  }

  private static String q(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
  }

  private JsonNode web(String method, String path, String op, String more) {
    String url =
        "/webhdfs/v1"
            + (path.equals("/") ? "/" : hdfs(path))
            + "?op="
            + op
            + (more == null ? "" : "&" + more);
    return switch (method) {
      case "PUT" -> api.put(url, null);
      default -> api.get(url);
    };
  }

  @Override
  public ContentSummary contentSummary(String path) {
    JsonNode s = web("GET", hdfs(path), "GETCONTENTSUMMARY", null).path("ContentSummary");
    return new ContentSummary(
        s.path("directoryCount").asLong(),
        s.path("fileCount").asLong(),
        s.path("length").asLong(),
        s.path("spaceConsumed").asLong(),
        s.path("spaceQuota").asLong(-1));
  }

  @Override
  public QuotaUsage quotaUsage(String path) {
    JsonNode s = web("GET", hdfs(path), "GETQUOTAUSAGE", null).path("QuotaUsage");
    return new QuotaUsage(
        s.path("fileAndDirectoryCount").asLong(), s.path("quota").asLong(-1),
        s.path("spaceConsumed").asLong(), s.path("spaceQuota").asLong(-1));
  }

  @Override
  public void setSpaceQuota(String path, long bytes) {
    web("PUT", hdfs(path), "SETQUOTA", "storagespacequota=" + bytes);
  }

  @Override
  public void setXattr(String path, String name, String value) {
    boolean exists = xattrs(path).containsKey(name);
    web(
        "PUT",
        hdfs(path),
        "SETXATTR",
        "xattr.name="
            + q(name)
            + "&xattr.value="
            + q("\"" + value + "\"")
            + "&flag="
            + (exists ? "REPLACE" : "CREATE"));
  }

  @Override
  public Map<String, String> xattrs(String path) {
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode x : web("GET", hdfs(path), "GETXATTRS", "encoding=TEXT").path("XAttrs")) {
      String v = x.path("value").asText();
      out.put(
          x.path("name").asText(),
          v.length() > 1 && v.startsWith("\"") && v.endsWith("\"")
              ? v.substring(1, v.length() - 1)
              : v);
    }
    return out;
  }

  @Override
  public List<List<String>> blockLocations(String file) {
    List<List<String>> out = new ArrayList<>();
    JsonNode blocks =
        web("GET", hdfs(file), "GET_BLOCK_LOCATIONS", "offset=0&length=9223372036854775807")
            .path("LocatedBlocks")
            .path("locatedBlocks");
    for (JsonNode b : blocks) {
      List<String> locs = new ArrayList<>();
      b.path("locations").forEach(l -> locs.add(l.path("networkLocation").asText()));
      out.add(locs);
    }
    return out;
  }

  @Override
  public String policy(String path) {
    return api.get("/ext/v1/policy?path=" + hdfs(path)).path("policy").asText();
  }

  @Override
  public void setPolicy(String path, String policy) {
    if (!POLICY.matcher(policy).matches()) {
      throw new DeviceException.InvalidParameter(
          cluster, "policy", "not a policy like B:3,C:0: " + policy);
    }
    ObjectNode body = N.objectNode().put("policy", policy);
    api.put("/ext/v1/policy?path=" + hdfs(path), body);
  }

  @Override
  public List<MoverState> movers() {
    List<MoverState> out = new ArrayList<>();
    for (JsonNode m : api.get("/ext/v1/movers").path("movers")) {
      out.add(
          new MoverState(
              m.path("dc").asText(),
              m.path("state").asText(),
              m.path("bandwidthBytesPerSec").asLong(),
              m.path("rateBytesPerSec").asLong(),
              m.path("copiedBytes").asLong()));
    }
    return out;
  }

  private String dc(String dc) {
    if (dc == null || !DC.matcher(dc).matches()) {
      throw new DeviceException.InvalidParameter(cluster, "dc", "not a DC of this cluster: " + dc);
    }
    return dc;
  }

  @Override
  public void setMoverBandwidth(String dc, long bytesPerSec) {
    api.put(
        "/ext/v1/movers/" + dc(dc),
        N.objectNode().put("bandwidthBytesPerSec", Math.max(0, bytesPerSec)));
  }

  @Override
  public void restartMover(String dc) {
    api.put("/ext/v1/movers/" + dc(dc), N.objectNode().put("state", "RUNNING"));
  }

  @Override
  public NameNodeLoad load() {
    Map<String, JsonNode> beans = new LinkedHashMap<>();
    for (JsonNode b : api.get("/jmx?qry=" + FS + "*").path("beans")) {
      beans.put(
          b.path("name")
              .asText()
              .substring(Math.min(FS.length(), b.path("name").asText().length())),
          b);
    }
    JsonNode fs = bean(beans, "FSNamesystem");
    JsonNode rpc = bean(beans, "RpcActivityForPort8020");
    JsonNode link = beans.getOrDefault("CrossIdcLink", N.objectNode());
    return new NameNodeLoad(
        fs.path("BlocksTotal").asLong(),
        fs.path("LowRedundancyBlocks").asLong(),
        fs.path("PendingReplicationBlocks").asLong(),
        fs.path("CapacityUsed").asLong(),
        rpc.path("RpcQueueTimeAvgTime").asDouble(),
        rpc.path("RpcProcessingTimeAvgTime").asDouble(),
        link.path("Utilization").asDouble(),
        link.path("LatencyMs").asDouble(),
        fs.path("tag.HAState").asText(""));
  }

  private JsonNode bean(Map<String, JsonNode> beans, String name) {
    JsonNode b = beans.get(name);
    if (b == null) {
      throw new DeviceException.VerificationFailed(
          cluster, "GET /jmx", "no " + FS + name + " bean");
    }
    return b;
  }

  @Override
  public CrossIdcFsck crossIdcFsck(String path) {
    JsonNode f = api.get("/ext/v1/crossidc-fsck?path=" + hdfs(path));
    Map<String, Long> replicas = new LinkedHashMap<>();
    f.path("replicas").properties().forEach(e -> replicas.put(e.getKey(), e.getValue().asLong()));
    return new CrossIdcFsck(
        path,
        f.path("blocks").asLong(),
        f.path("misplacedBlocks").asLong(),
        f.path("lowRedundancyBlocks").asLong(),
        replicas,
        f.path("status").asText());
  }

  @Override
  public BuLayout bu(String bu) {
    JsonNode b = api.get("/ext/v1/bus/" + q(bu));
    return new BuLayout(
        b.path("name").asText(),
        strings(b.path("paths")),
        strings(b.path("publicPaths")),
        strings(b.path("users")),
        strings(b.path("queues")));
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(x -> out.add(x.asText()));
    return out;
  }

  @Override
  public long crossDcTraffic(String bu) {
    return api.get("/ext/v1/traffic?bu=" + q(bu)).path("crossDcBytesPerSec").asLong();
  }

  @Override
  public String submitProbe(String user, String queue, String name) {
    String id =
        api.post("/ws/v1/cluster/apps/new-application", null).path("application-id").asText();
    ObjectNode body =
        N.objectNode()
            .put("application-id", id)
            .put("application-name", name)
            .put("queue", queue)
            .put("application-type", "MAPREDUCE");
    api.post("/ws/v1/cluster/apps?user.name=" + q(user), body);
    String sub =
        api.get("/ws/v1/cluster/apps/" + q(id)).path("app").path("subClusterId").asText("");
    return sub.startsWith("dc") ? sub.substring(2) : sub;
  }

  @Override
  public String mappingQuorum() {
    return api.get("/conf?name=ha.zookeeper.quorum&format=json")
        .path("property")
        .path("value")
        .asText();
  }
}
