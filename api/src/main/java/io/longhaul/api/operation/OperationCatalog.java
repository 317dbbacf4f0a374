package io.longhaul.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import io.longhaul.contracts.operation.OperationDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Every operation that can be started, with its parsed JSON Schema. Definitions are beans, so an
 * operation (or a test) adds itself by declaring one. A schema that is missing or malformed, has a
 * pattern that is not anchored, or a string without a limit, fails startup rather than the first
 * request.
 */
@Component
public class OperationCatalog {
  private static final ObjectMapper JSON = new ObjectMapper();

  public record Entry(OperationDefinition definition, JsonNode schemaJson, JsonSchema schema) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  public OperationCatalog(List<OperationDefinition> definitions) {
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .regularExpressionFactory(WholeValuePatterns.INSTANCE)
            .build();
    for (OperationDefinition d : definitions) {
      JsonNode json = load(d);
      List<String> unbounded = new ArrayList<>();
      unboundedStrings(json, "", unbounded);
      if (!unbounded.isEmpty()) {
        throw new IllegalStateException(
            "operation "
                + d.name()
                + ": every string needs a maxLength, a pattern or an enum; these have none: "
                + unbounded);
      }
      JsonSchema schema = factory.getSchema(json, config);
      // Compile every pattern now, so an unanchored one fails startup, not a request.
      schema.initializeValidators();
      if (entries.putIfAbsent(d.name(), new Entry(d, json, schema)) != null) {
        throw new IllegalStateException("two operations are named " + d.name());
      }
    }
  }

  public Optional<Entry> find(String name) {
    return Optional.ofNullable(entries.get(name));
  }

  public Collection<Entry> all() {
    return entries.values();
  }

  /** Strings a schema leaves unbounded: each would take whatever fits in a request body. */
  private static void unboundedStrings(JsonNode node, String path, List<String> out) {
    if (node.isObject()) {
      if ("string".equals(node.path("type").asText())
          && !node.has("maxLength")
          && !node.has("pattern")
          && !node.has("enum")
          && !node.has("const")) {
        out.add(path.isEmpty() ? "/" : path);
      }
      node.properties().forEach(e -> unboundedStrings(e.getValue(), path + "/" + e.getKey(), out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        unboundedStrings(node.get(i), path + "/" + i, out);
      }
    }
  }

  private static JsonNode load(OperationDefinition d) {
    try (InputStream in = d.inputType().getClassLoader().getResourceAsStream(d.schemaResource())) {
      if (in == null) {
        throw new IllegalStateException(
            "operation "
                + d.name()
                + ": schema "
                + d.schemaResource()
                + " is not on the classpath");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("operation " + d.name() + ": schema is not valid JSON", e);
    }
  }
}
