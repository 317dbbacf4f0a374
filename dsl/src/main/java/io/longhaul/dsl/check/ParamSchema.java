package io.longhaul.dsl.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.dsl.parse.SourceMap;
import java.util.Map;

/** A child runbook's parameters as a caller gives them: known, typed, the required ones there. */
final class ParamSchema {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ParamSchema() {}

  static void check(
      Map<String, Object> schemaMap,
      JsonNode given,
      String pointer,
      String stepPointer,
      ValueCheck values,
      Scope scope,
      String runbook) {
    JsonNode schema = JSON.valueToTree(schemaMap);
    JsonNode props = schema.path("properties");
    given
        .properties()
        .forEach(
            e -> {
              String p = SourceMap.child(pointer, e.getKey());
              if (!props.has(e.getKey())) {
                values.problemAtKey(
                    p, "runbook `" + runbook + "` has no parameter `" + e.getKey() + "`");
              } else {
                values.value(
                    e.getValue(),
                    p,
                    ValueType.ofSchema(props.get(e.getKey())),
                    "parameter `" + e.getKey() + "`",
                    scope);
              }
            });
    schema
        .path("required")
        .forEach(
            r -> {
              if (!given.has(r.asText())) {
                values.problemAtKey(
                    given.isObject() ? pointer : stepPointer + "/runbook",
                    "runbook `" + runbook + "` needs parameter `" + r.asText() + "`");
              }
            });
  }

  /** Params are read strictly, as every operation's: each string has a bound. */
  static void bounded(JsonNode node, String at, ValueCheck values) {
    if (node.isObject()) {
      if ("string".equals(node.path("type").asText())
          && !node.has("maxLength")
          && !node.has("pattern")
          && !node.has("enum")
          && !node.has("const")) {
        values.problem(
            at,
            "a string parameter needs a maxLength, a pattern or an enum, so a request"
                + " cannot hand it whatever fits in a body");
      }
      node.properties()
          .forEach(e -> bounded(e.getValue(), SourceMap.child(at, e.getKey()), values));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) bounded(node.get(i), SourceMap.child(at, i), values);
    }
  }
}
