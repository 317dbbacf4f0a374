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
}
