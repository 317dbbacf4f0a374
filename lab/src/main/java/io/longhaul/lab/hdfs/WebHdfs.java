package io.longhaul.lab.hdfs;

import io.longhaul.lab.http.HttpAnswer;
import io.longhaul.lab.http.HttpCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * WebHDFS v1 ({@code /webhdfs/v1/<path>?op=...}) over the cluster's state, in Hadoop's JSON shapes.
 * A tracked directory's files are {@code part-00000}…, each of {@code blocks / files} blocks;
 * directories above tracked ones exist implicitly.
 */
final class WebHdfs {
  static final String PREFIX = "/webhdfs/v1";
  private static final long BLOCK_POOL = 1073741825L;

  private final HdfsCluster c;

  WebHdfs(HdfsCluster cluster) {
    this.c = cluster;
  }

  HttpAnswer handle(HttpCall call) {
    String path = call.path().substring(PREFIX.length());
    if (path.isEmpty()) {
      path = "/";
    }
    if (path.length() > 1 && path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    Query q = Query.of(call.query());
    String op = q.get("op", "").toUpperCase();
    synchronized (c) {
      c.advance();
      return switch (call.method() + " " + op) {
        case "GET GETFILESTATUS" -> status(path);
        case "GET LISTSTATUS" -> list(path);
        case "GET GETCONTENTSUMMARY" -> summary(path);
        case "GET GETQUOTAUSAGE" -> quotaUsage(path);
        case "GET GET_BLOCK_LOCATIONS" -> blocks(path);
        case "GET GETXATTRS" -> xattrs(path);
        case "PUT SETQUOTA" -> setQuota(path, q);
        case "PUT SETXATTR" -> setXattr(path, q);
        case "PUT SETREPLICATION" -> setReplication(path, q);
        default ->
            remote(
                400,
                "IllegalArgumentException",
                "Invalid value for webhdfs parameter \"op\": " + op);
      };
    }
  }

  static HttpAnswer remote(int status, String exception, String message) {
    String java =
        switch (exception) {
          case "FileNotFoundException" -> "java.io.FileNotFoundException";
          case "IllegalArgumentException" -> "java.lang.IllegalArgumentException";
          default -> "org.apache.hadoop.hdfs.protocol." + exception;
        };
    return HttpAnswer.json(
        status,
        Map.of(
            "RemoteException",
            Map.of("exception", exception, "javaClassName", java, "message", message)));
  }

  private static HttpAnswer notFound(String path) {
    return remote(404, "FileNotFoundException", "File does not exist: " + path);
  }

  /** A synthetic file of a tracked directory: its directory and index, or null. */
  private record FileRef(Directory dir, int index) {}

  private FileRef file(String path) {
    int slash = path.lastIndexOf('/');
    Directory d = c.dirs.get(path.substring(0, Math.max(1, slash)));
    String leaf = path.substring(slash + 1);
    if (d == null || !leaf.matches("part-\\d{5}")) {
      return null;
    }
    int i = Integer.parseInt(leaf.substring(5));
    return i < d.files ? new FileRef(d, i) : null;
  }

  private boolean isDirectory(String path) {
    return c.dirs.containsKey(path) || !c.under(path).isEmpty();
  }

  private Map<String, Object> dirStatus(String suffix, String path) {
    Directory d = c.dirs.get(path);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("accessTime", 0);
    s.put("blockSize", 0);
    s.put("childrenNum", children(path).size());
    s.put("fileId", 16385 + Math.abs(path.hashCode() % 100000));
    s.put("group", "supergroup");
    s.put("length", 0);
    s.put("modificationTime", d == null ? 0 : d.modified);
    s.put("owner", d == null ? "hdfs" : d.owner);
    s.put("pathSuffix", suffix);
    s.put("permission", "755");
    s.put("replication", 0);
    s.put("storagePolicy", 0);
    s.put("type", "DIRECTORY");
    return s;
  }

  private Map<String, Object> fileStatus(String suffix, FileRef f) {
    Directory d = f.dir();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("accessTime", d.modified);
    s.put("blockSize", 134217728);
    s.put("childrenNum", 0);
    s.put("fileId", 20000 + f.index());
    s.put("group", "supergroup");
    s.put("length", d.bytes / Math.max(1, d.files));
    s.put("modificationTime", d.modified);
    s.put("owner", d.owner);
    s.put("pathSuffix", suffix);
    s.put("permission", "644");
    s.put("replication", d.replication);
    s.put("storagePolicy", 0);
    s.put("type", "FILE");
    return s;
  }

  private List<String> children(String path) {
    TreeSet<String> names = new TreeSet<>();
    String p = path.equals("/") ? "/" : path + "/";
    for (Directory d : c.under(path)) {
      if (d.path.length() > p.length() && d.path.startsWith(p)) {
        names.add(d.path.substring(p.length()).split("/")[0]);
      }
    }
    return new ArrayList<>(names);
  }

  private HttpAnswer status(String path) {
    FileRef f = file(path);
    if (f != null) {
      return HttpAnswer.ok(Map.of("FileStatus", fileStatus("", f)));
    }
    return isDirectory(path)
        ? HttpAnswer.ok(Map.of("FileStatus", dirStatus("", path)))
        : notFound(path);
  }

  private HttpAnswer list(String path) {
    if (!isDirectory(path)) {
      FileRef f = file(path);
      return f == null ? notFound(path) : HttpAnswer.ok(wrapList(List.of(fileStatus("", f))));
    }
    List<Object> out = new ArrayList<>();
    String p = path.equals("/") ? "/" : path + "/";
    for (String child : children(path)) {
      out.add(dirStatus(child, p + child));
    }
    Directory d = c.dirs.get(path);
    if (d != null) {
      for (int i = 0; i < Math.min(d.files, 1000); i++) {
        out.add(fileStatus(String.format("part-%05d", i), new FileRef(d, i)));
      }
    }
    return HttpAnswer.ok(wrapList(out));
  }

  private static Map<String, Object> wrapList(List<?> statuses) {
    return Map.of("FileStatuses", Map.of("FileStatus", statuses));
  }

  private HttpAnswer summary(String path) {
    if (!isDirectory(path)) {
      return notFound(path);
    }
    List<Directory> dirs = c.under(path);
    Directory d = c.dirs.get(path);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("directoryCount", dirs.size() + (d == null ? 1 : 0));
    s.put("ecPolicy", "");
    s.put("fileCount", dirs.stream().mapToLong(x -> x.files).sum());
    s.put("length", dirs.stream().mapToLong(x -> x.bytes).sum());
    s.put("quota", c.quota(path)[0]);
    s.put("spaceConsumed", dirs.stream().mapToLong(Directory::spaceConsumed).sum());
    s.put("spaceQuota", c.quota(path)[1]);
    s.put("typeQuota", Map.of());
    return HttpAnswer.ok(Map.of("ContentSummary", s));
  }

  private HttpAnswer quotaUsage(String path) {
    if (!isDirectory(path)) {
      return notFound(path);
    }
    List<Directory> dirs = c.under(path);
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("fileAndDirectoryCount", dirs.stream().mapToLong(x -> x.files + 1).sum());
    s.put("quota", c.quota(path)[0]);
    s.put("spaceConsumed", dirs.stream().mapToLong(Directory::spaceConsumed).sum());
    s.put("spaceQuota", c.quota(path)[1]);
    s.put("typeQuota", Map.of());
    return HttpAnswer.ok(Map.of("QuotaUsage", s));
  }

  private HttpAnswer setQuota(String path, Query q) {
    if (!isDirectory(path)) {
      return notFound(path);
    }
    long ns = q.number("namespacequota", Long.MAX_VALUE);
    long ss = q.number("storagespacequota", Long.MAX_VALUE);
    long[] quota = c.quota(path).clone();
    if (ns != Long.MAX_VALUE) {
      quota[0] = ns;
    }
    if (ss != Long.MAX_VALUE) {
      quota[1] = ss;
    }
    c.quotas.put(path, quota);
    return new HttpAnswer(200, "");
  }

  private HttpAnswer xattrs(String path) {
    if (!isDirectory(path)) {
      return notFound(path);
    }
    List<Map<String, String>> out = new ArrayList<>();
    c.xattrs
        .getOrDefault(path, Map.of())
        .forEach((k, v) -> out.add(Map.of("name", k, "value", "\"" + v + "\"")));
    return HttpAnswer.ok(Map.of("XAttrs", out));
  }

  private HttpAnswer setXattr(String path, Query q) {
    String name = q.get("xattr.name");
    if (!isDirectory(path)) {
      return notFound(path);
    }
    if (name == null || !name.matches("(user|trusted)\\.[A-Za-z0-9._-]{1,64}")) {
      return remote(400, "IllegalArgumentException", "Invalid value for xattr.name: " + name);
    }
    String v = q.get("xattr.value", "");
    c.xattrs
        .computeIfAbsent(path, k -> new java.util.TreeMap<>())
        .put(
            name,
            v.startsWith("\"") && v.endsWith("\"") && v.length() > 1
                ? v.substring(1, v.length() - 1)
                : v);
    return new HttpAnswer(200, "");
  }

  private HttpAnswer setReplication(String path, Query q) {
    FileRef f = file(path);
    long r = q.number("replication", 3);
    if (f == null) {
      return HttpAnswer.ok(Map.of("boolean", false));
    }
    f.dir().replication = (short) Math.max(1, Math.min(r, 6));
    return HttpAnswer.ok(Map.of("boolean", true));
  }

  private HttpAnswer blocks(String path) {
    FileRef f = file(path);
    if (f == null) {
      return notFound(path);
    }
    Directory d = f.dir();
    long per = Math.max(1, d.blocks / Math.max(1, d.files));
    long length = d.bytes / Math.max(1, d.files);
    long now = c.nowMillis();
    List<Object> located = new ArrayList<>();
    for (long k = 0; k < per; k++) {
      long i = f.index() * per + k;
      long id = BLOCK_POOL + Math.abs(d.path.hashCode() % 1_000_000) * 10_000L + i;
      List<Object> locations = new ArrayList<>();
      for (String dc : HdfsCluster.DCS) {
        Datanodes.placement(dc, id, d.in(dc).ofBlock(i))
            .forEach(n -> locations.add(Datanodes.location(n, now)));
      }
      Map<String, Object> b = new LinkedHashMap<>();
      b.put(
          "block",
          Map.of(
              "blockId",
              id,
              "blockPoolId",
              "BP-1-" + c.name,
              "generationStamp",
              1001,
              "numBytes",
              length / per));
      b.put("blockToken", Map.of("urlString", "AAAAAA"));
      b.put("cachedLocations", List.of());
      b.put("corrupt", false);
      b.put("isCached", List.of());
      b.put("locations", locations);
      b.put("startOffset", k * (length / per));
      b.put("storageIDs", locations.stream().map(l -> ((Map<?, ?>) l).get("storageID")).toList());
      b.put("storageTypes", locations.stream().map(l -> "DISK").toList());
      located.add(b);
    }
    Map<String, Object> lb = new LinkedHashMap<>();
    lb.put("fileLength", length);
    lb.put("isLastBlockComplete", true);
    lb.put("isUnderConstruction", false);
    lb.put("lastLocatedBlock", located.getLast());
    lb.put("locatedBlocks", located);
    return HttpAnswer.ok(Map.of("LocatedBlocks", lb));
  }
}
