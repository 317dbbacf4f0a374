package io.longhaul.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.OpenApi;
import io.longhaul.server.support.OperatorWords;
import io.longhaul.server.support.ServerTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A corpus of bad input generated from the server's own schemas: for every operation of the OpenAPI
 * document that takes a body, every field of its request schema gets wrong types, fractions,
 * overflow, nulls, null elements, line terminators after a valid value and oversized strings; every
 * body gets an unknown field, malformed JSON and an oversized body. The run params of every
 * operation in the catalog get the same from the operation's JSON Schema. Each must be answered 4xx
 * problem+json naming the field, and leave every table as it was.
 */
@DisplayName("Bad input")
class BadInputCorpusTest extends ServerTestBase {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String LONG = "x".repeat(20_000);
  static final List<String> CONTROLS = List.of("\u0000", "\u001b[2J", "\u0007", "\u009b");

  @Autowired DSLContext db;

  record Case(String method, String path, String field, byte[] body, String what) {}

  @Test
  @DisplayName("is refused with 4xx naming the field, and changes nothing")
  void corpus() throws Exception {
    OpenApi api = OpenApi.of(admin());
    List<Case> cases = new ArrayList<>();
    for (OpenApi.Operation op : api.operations()) {
      if (!op.takesBody()) {
        continue;
      }
      String path = op.concrete("1");
      JsonNode schema = op.bodySchema();
      ObjectNode base = (ObjectNode) api.sample(schema);
      if (op.path().equals("/api/v1/runs")) {
        base.put("operation", "echo");
      }
      fieldCases(api, op.method(), path, "", base, schema, cases, null);
      ObjectNode unknown = base.deepCopy();
      unknown.put("zzUnknown", 1);
      cases.add(bytes(op.method(), path, "zzUnknown", unknown, "unknown field"));
      List<String> malformed = new ArrayList<>(List.of("[]", "{", "{} {}", "not json", "\"x\""));
      if (op.bodyRequired()) {
        malformed.addAll(List.of("", "null"));
      }
      for (String raw : malformed) {
        cases.add(
            new Case(
                op.method(), path, "body", raw.getBytes(StandardCharsets.UTF_8), "body " + raw));
      }
      byte[] huge = ("{\"x\":\"" + "y".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
      cases.add(new Case(op.method(), path, "body", huge, "1.1 MB body"));
      byte[] badUtf8 = "{\"name\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
      cases.add(new Case(op.method(), path, "name", badUtf8, "invalid UTF-8"));
    }
    // Run params, from each operation's own schema.
    for (JsonNode operation : admin().get("/api/v1/operations").body()) {
      JsonNode schema = operation.path("schema");
      ObjectNode params = (ObjectNode) api.sample(schema);
      ObjectNode run = JSON.createObjectNode();
      run.put("operation", operation.path("name").asText());
      run.set("params", params);
      run.put("reason", "corpus");
      fieldCases(api, "POST", "/api/v1/runs", "params.", run, schema, cases, "params");
    }

    List<String> wrong = new ArrayList<>();
    // A token, not Basic: bcrypt on each of some 2,000 requests would be most of the test's time.
    ApiClient admin =
        ApiClient.bearer(
            port,
            admin()
                .post("/api/v1/tokens", Map.of("name", "corpus"))
                .body()
                .path("secret")
                .asText());
    settle();
    for (Case c : cases) {
      String before = fingerprint();
      var r = admin.sendRaw(c.method(), c.path(), c.body(), "application/json");
      String after = fingerprint();
      String label = c.method() + " " + c.path() + " " + c.what();
      if (r.status() < 400 || r.status() >= 500) {
        wrong.add(label + " → " + r.status());
        continue;
      }
      if (!r.contentType().startsWith("application/problem+json")) {
        wrong.add(label + " → " + r.status() + " " + r.contentType());
      }
      if (!names(r.body(), c.field())) {
        wrong.add(label + " → " + r.status() + " does not name " + c.field() + ": " + r.raw());
      }
      OperatorWords.leak(r.body())
          .ifPresent(
              w -> wrong.add(label + " → " + r.status() + " says \"" + w + "\": " + r.raw()));
      if (!before.equals(after)) {
        wrong.add(label + " → " + r.status() + " but changed " + changed(before, after));
      }
    }
    System.out.printf("bad-input corpus: %d requests, %d wrong%n", cases.size(), wrong.size());
    assertThat(cases).hasSizeGreaterThan(500);
    assertThat(wrong).isEmpty();
  }

  @Test
  @DisplayName("that breaks a rule only the database holds is refused in operator words")
  void databaseRules() throws Exception {
    ApiClient admin = admin();
    String code = "r" + Long.toHexString(System.nanoTime()).substring(8);
    var site = admin.post("/api/v1/sites", Map.of("code", code, "name", "rules"));
    assertThat(site.status()).as(site.raw()).isEqualTo(201);
    long siteId = site.body().path("id").asLong();
    Map<String, Object> network = new java.util.HashMap<>();
    network.putAll(
        Map.of(
            "siteId", siteId, "name", "n" + code, "cidr", "10.61.0.0/24", "gateway", "10.61.0.1"));
    network.put("vlan", 61);
    assertThat(admin.post("/api/v1/networks", network).status()).isEqualTo(201);
    Map<String, Object> outside = new java.util.HashMap<>(network);
    outside.put("name", "o" + code);
    outside.put("gateway", "10.62.0.1");
    Map<String, Object> noSite = new java.util.HashMap<>(network);
    noSite.put("name", "x" + code);
    noSite.put("siteId", 999_999);
    record Rule(String method, String path, Object body, String field) {}
    List<Rule> rules =
        List.of(
            new Rule("POST", "/api/v1/sites", Map.of("code", code, "name", "again"), "code"),
            new Rule("POST", "/api/v1/networks", network, "name"),
            new Rule("POST", "/api/v1/networks", outside, "gateway"),
            new Rule("POST", "/api/v1/networks", noSite, "siteId"),
            new Rule("DELETE", "/api/v1/sites/" + siteId, null, "id"));
    settle();
    List<String> wrong = new ArrayList<>();
    for (Rule rule : rules) {
      String before = fingerprint();
      var r = admin.send(rule.method(), rule.path(), rule.body());
      String label = rule.method() + " " + rule.path() + " → " + r.status() + ": " + r.raw();
      if (r.status() < 400 || r.status() >= 500 || !names(r.body(), rule.field())) {
        wrong.add(label + " (should name " + rule.field() + ")");
      }
      OperatorWords.leak(r.body()).ifPresent(w -> wrong.add(label + " says \"" + w + "\""));
      if (!before.equals(fingerprint())) {
        wrong.add(label + " changed something");
      }
    }
    assertThat(wrong).isEmpty();
  }

  /**
   * Mutations of each field of {@code schema}, whose sample sits in base at {@code within} (null:
   * base itself).
   */
  private static void fieldCases(
      OpenApi api,
      String method,
      String path,
      String prefix,
      ObjectNode base,
      JsonNode schema,
      List<Case> cases,
      String within) {
    JsonNode s = api.resolve(schema);
    List<String> required = new ArrayList<>();
    s.path("required").forEach(n -> required.add(n.asText()));
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
      var p = it.next();
      String name = p.getKey();
      String field = prefix + name;
      JsonNode f = api.resolve(p.getValue());
      JsonNode valid = api.sample(f);
      String type = f.path("type").asText(f.has("properties") ? "object" : "");
      List<Object[]> bad = new ArrayList<>(); // {value, field named, what}
      if (required.contains(name)) {
        bad.add(new Object[] {null, field, "null"});
      }
      switch (type) {
        case "string" -> {
          bad.add(new Object[] {12345, field, "number"});
          bad.add(new Object[] {true, field, "boolean"});
          bad.add(new Object[] {JSON.createObjectNode(), field, "object"});
          bad.add(new Object[] {JSON.createArrayNode().add("a"), field, "array"});
          bad.add(new Object[] {LONG, field, "20,000 characters"});
          String pattern = f.path("pattern").asText(null);
          if (pattern != null
              && !Pattern.compile(pattern).matcher(valid.asText() + "\n").matches()) {
            for (String end : List.of("\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029")) {
              bad.add(new Object[] {valid.asText() + end, field, "valid value + " + escape(end)});
            }
          }
          // Every string, patterned or free text or a secret: no NUL, escape, bell or C1 control.
          for (String control : CONTROLS) {
            bad.add(
                new Object[] {valid.asText() + control, field, "valid value + " + escape(control)});
          }
        }
        case "integer" -> {
          bad.add(new Object[] {1.5, field, "fraction"});
          bad.add(new Object[] {1.0, field, "1.0"});
          bad.add(new Object[] {"1", field, "numeric string"});
          bad.add(new Object[] {new java.math.BigInteger("9223372036854775808"), field, "2^63"});
          bad.add(
              new Object[] {
                JSON.getNodeFactory().numberNode(new java.math.BigDecimal("1e400")), field, "1e400"
              });
          bad.add(new Object[] {true, field, "boolean"});
          // 2^31 overflows a 32-bit field. A params schema says no width, only its maximum.
          boolean int32 =
              within == null
                  ? !"int64".equals(f.path("format").asText())
                  : f.has("maximum") && f.path("maximum").asLong() < 2147483648L;
          if (int32) {
            bad.add(new Object[] {2147483648L, field, "2^31"});
          }
        }
        case "number" -> {
          bad.add(new Object[] {"1.5", field, "numeric string"});
          bad.add(new Object[] {true, field, "boolean"});
        }
        case "boolean" -> {
          bad.add(new Object[] {"true", field, "string"});
          bad.add(new Object[] {1, field, "number"});
        }
        case "array" -> {
          bad.add(new Object[] {"x", field, "string"});
          bad.add(new Object[] {JSON.createArrayNode().addNull(), field + "[0]", "[null]"});
          bad.add(
              new Object[] {
                JSON.createArrayNode().add(valid.get(0)).addNull(), field + "[1]", "[valid, null]"
              });
          if ("string".equals(f.path("items").path("type").asText())) {
            bad.add(new Object[] {JSON.createArrayNode().add(12345), field + "[0]", "[number]"});
            bad.add(
                new Object[] {
                  JSON.createArrayNode().add(valid.path(0).asText("a") + "\u0000"),
                  field + "[0]",
                  "[valid + NUL]"
                });
          }
        }
        case "object" -> {
          bad.add(new Object[] {"x", field, "string"});
          bad.add(new Object[] {JSON.createArrayNode(), field, "array"});
        }
        default -> {}
      }
      for (Object[] b : bad) {
        ObjectNode body = base.deepCopy();
        ObjectNode target = within == null ? body : (ObjectNode) body.get(within);
        target.set(name, JSON.valueToTree(b[0]));
        cases.add(bytes(method, path, (String) b[1], body, field + ": " + b[2]));
      }
    }
  }

  private static Case bytes(String method, String path, String field, JsonNode body, String what) {
    try {
      return new Case(method, path, field, JSON.writeValueAsBytes(body), what);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(String.format("U+%04X ", c)));
    return b.toString().trim();
  }

  /** Whether the problem's errors name the field (or, for a nested one, the field within it). */
  private static boolean names(JsonNode problem, String field) {
    if (problem == null) {
      return false;
    }
    for (JsonNode e : problem.path("errors")) {
      String named = e.path("field").asText();
      if (named.equals(field) || named.startsWith(field + ".") || named.startsWith(field + "[")) {
        return true;
      }
    }
    return false;
  }

  private List<String> changed(String before, String after) {
    String[] b = before.split("\\|");
    String[] a = after.split("\\|");
    List<String> tables = tables();
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (!a[i].equals(b[i])) {
        changed.add(tables.get(i));
      }
    }
    return changed;
  }

  private List<String> tables() {
    return db.fetch(
            "select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'"
                + " order by table_name")
        .getValues(0, String.class);
  }

  /** Runs other tests started in this shared server write as they go: wait until they are done. */
  private void settle() throws InterruptedException {
    String last = fingerprint();
    for (int i = 0; i < 120; i++) {
      Thread.sleep(500);
      String now = fingerprint();
      if (now.equals(last)) {
        return;
      }
      last = now;
    }
  }

  /**
   * Every table's rows, hashed: equal before and after means nothing was written. Audit entries of
   * refusals are the one write a refused request may make, and a token's last use the other.
   */
  private String fingerprint() {
    List<String> tables = tables();
    StringBuilder sql = new StringBuilder("select concat_ws('|'");
    for (String t : tables) {
      String where = t.equals("audit_log") ? " where action not like '%refused'" : "";
      // A token's last use is written by every request it authenticates, this test's included.
      String row =
          t.equals("api_token") ? "(x.id, x.user_id, x.name, x.expires_at)::text" : "x::text";
      sql.append(
          ", (select count(*) || ':' || coalesce(md5(string_agg("
              + row
              + ", ',' order by "
              + row
              + ")), '')"
              + " from \""
              + t
              + "\" x"
              + where
              + ")");
    }
    return String.valueOf(db.fetchValue(sql.append(")").toString()));
  }
}
