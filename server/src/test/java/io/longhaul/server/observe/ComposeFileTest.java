package io.longhaul.server.observe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.longhaul.api.security.SecurityProperties;
import io.longhaul.server.config.LonghaulProperties;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml as a Compose implementation would read it (no Compose v2 runs here): valid
 * against the Compose Specification's JSON Schema, and every Longhaul service's environment names
 * only settings the server reads, with the settings a production process must have, and one worker
 * pool per site.
 */
@DisplayName("docker-compose.yml")
class ComposeFileTest {
  static final Path ROOT = Path.of("..");
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
  static final Pattern VALUE_KEY = Pattern.compile("\\$\\{(longhaul\\.[a-z0-9.-]+)");
  static final Pattern ENV_LITERAL = Pattern.compile("\"(LONGHAUL_[A-Z0-9_]+)\"");

  /** Every process needs these; sharing the three keys is what lets api and workers agree. */
  static final Set<String> REQUIRED =
      Set.of(
          "LONGHAUL_ROLES",
          "LONGHAUL_DB_URL",
          "LONGHAUL_DB_USER",
          "LONGHAUL_DB_PASSWORD",
          "LONGHAUL_TEMPORAL_MODE",
          "LONGHAUL_TEMPORAL_TARGET",
          "LONGHAUL_LAB_ENABLED",
          "LONGHAUL_CREDENTIALS_KEY",
          "LONGHAUL_DECISIONS_KEY",
          "LONGHAUL_AUDIT_KEY");

  static JsonNode compose() throws IOException {
    // Merge keys (<<: *longhaul-env) resolved as Compose resolves them.
    Object doc =
        new Yaml(new LoaderOptions()).load(Files.readString(ROOT.resolve("docker-compose.yml")));
    return JSON.valueToTree(doc);
  }

  @Test
  @DisplayName("is valid against the Compose Specification's JSON Schema")
  void validAgainstTheSpec() throws IOException {
    ObjectNode schema;
    try (InputStream in = getClass().getResourceAsStream("/compose-spec/compose-spec.json")) {
      schema = (ObjectNode) JSON.readTree(in);
    }
    // The one key the specification gained after this copy of its schema (see the README there).
    ((ObjectNode) schema.path("properties")).putObject("name").put("type", "string");
    // It still spells identifiers draft-04's way ("id"), a keyword draft 2019-09 does not have:
    // read as an annotation, as Compose's own validators ignore it.
    JsonMetaSchema meta =
        JsonMetaSchema.builder(JsonMetaSchema.getV201909())
            .keyword(new AnnotationKeyword("id"))
            .build();
    schema.put("$schema", meta.getIri());
    JsonSchema s =
        JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909))
            .metaSchema(meta)
            .build()
            .getSchema(schema);
    assertThat(s.validate(compose())).isEmpty();
    // The schema can fail: a misspelt service key is refused.
    ObjectNode broken = (ObjectNode) compose();
    ((ObjectNode) broken.path("services").path("longhaul-api")).put("enviroment", "x");
    assertThat(s.validate(broken)).isNotEmpty();
  }

  @Test
  @DisplayName("gives every Longhaul service only settings the server reads, and the required ones")
  void longhaulEnvironments() throws IOException {
    Set<String> read = settingsRead();
    Map<String, JsonNode> longhaul = longhaulServices();
    assertThat(longhaul).containsKeys("longhaul-api", "longhaul-worker-core");
    for (var service : longhaul.entrySet()) {
      Set<String> names = new TreeSet<>();
      service.getValue().path("environment").fieldNames().forEachRemaining(names::add);
      assertThat(names.stream().filter(n -> !reads(read, n)))
          .as(service.getKey() + ": settings the server never reads")
          .isEmpty();
      assertThat(names).as(service.getKey()).containsAll(REQUIRED);
      JsonNode env = service.getValue().path("environment");
      assertThat(env.path("LONGHAUL_TEMPORAL_MODE").asText()).isEqualTo("external");
      assertThat(env.path("LONGHAUL_LAB_ENABLED").asText()).isEqualTo("false");
    }
  }

  @Test
  @DisplayName("runs one worker pool per site beside a core pool, and the api role apart")
  void workerPools() throws IOException {
    Map<String, String> siteOfPool = new LinkedHashMap<>();
    int core = 0;
    for (var service : longhaulServices().entrySet()) {
      JsonNode env = service.getValue().path("environment");
      String roles = env.path("LONGHAUL_ROLES").asText();
      assertThat(roles).as(service.getKey()).isIn("api", "worker");
      if (!roles.equals("worker")) {
        continue;
      }
      String pool = env.path("LONGHAUL_WORKER_POOL").asText();
      if (pool.equals(LonghaulProperties.Worker.POOL_CORE)) {
        core++;
        assertThat(env.has("LONGHAUL_WORKER_SITES")).isFalse();
      } else {
        assertThat(pool).as(service.getKey()).isEqualTo(LonghaulProperties.Worker.POOL_SITES);
        String site = env.path("LONGHAUL_WORKER_SITES").asText();
        assertThat(site).as(service.getKey()).matches("[a-z][a-z0-9]{1,15}");
        assertThat(siteOfPool.values()).as("one pool per site").doesNotContain(site);
        siteOfPool.put(service.getKey(), site);
      }
    }
    assertThat(core).isEqualTo(1);
    assertThat(siteOfPool).hasSizeGreaterThanOrEqualTo(2);
  }

  boolean reads(Set<String> read, String env) {
    return read.contains(env) || read.contains(relaxed(env));
  }

  /** LONGHAUL_WORKER_WORKFLOWCACHESIZE → longhaul.worker.workflowcachesize, as Boot binds it. */
  static String relaxed(String env) {
    return env.toLowerCase(Locale.ROOT).replace('_', '.');
  }

  Map<String, JsonNode> longhaulServices() throws IOException {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    compose()
        .path("services")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().path("build").asText().equals(".")) {
                out.put(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  /**
   * What the server reads: application.yml's environment placeholders, the properties of its
   * configuration records (as relaxed names), {@code @Value} keys and environment names its code
   * asks for.
   */
  static Set<String> settingsRead() throws IOException {
    Set<String> read = new TreeSet<>();
    String yml = Files.readString(ROOT.resolve("server/src/main/resources/application.yml"));
    Matcher m = PLACEHOLDER.matcher(yml);
    while (m.find()) {
      read.add(m.group(1));
    }
    properties("longhaul", LonghaulProperties.class, read);
    properties("longhaul.security", SecurityProperties.class, read);
    for (String module : List.of("api", "server", "workers", "activities")) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          String src = Files.readString(f);
          Matcher v = VALUE_KEY.matcher(src);
          while (v.find()) {
            read.add(v.group(1).replace("-", ""));
          }
          Matcher e = ENV_LITERAL.matcher(src);
          while (e.find()) {
            read.add(e.group(1));
          }
        }
      }
    }
    assertThat(read)
        .contains("LONGHAUL_DB_URL", "longhaul.temporal.mode", "LONGHAUL_ADMIN_PASSWORD");
    return read;
  }

  static void properties(String prefix, Class<?> type, Set<String> out) {
    for (RecordComponent c : type.getRecordComponents()) {
      String name = prefix + "." + c.getName().toLowerCase(Locale.ROOT);
      if (c.getType().isRecord()) {
        properties(name, c.getType(), out);
      } else {
        out.add(name);
      }
    }
  }
}
