package io.longhaul.dsl.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.longhaul.dsl.Problem;
import io.longhaul.dsl.model.RunbookStep;
import io.longhaul.dsl.parse.SourceMap;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The runbook's structure, checked against {@code dsl/runbook.schema.json}; each violation placed
 * at the node (or, for an unknown field, the key) it concerns, in words an author can act on.
 */
public final class StructureCheck {
  public static final String SCHEMA = "dsl/runbook.schema.json";
  private static final JsonSchema RUNBOOK = load();

  private StructureCheck() {}

  /** The schema's text, as the API serves it. */
  public static JsonNode schema() {
    return RUNBOOK.getSchemaNode();
  }

  public static List<Problem> check(String file, JsonNode tree, SourceMap map) {
    Set<Problem> out = new LinkedHashSet<>();
    kinds(file, tree.path("steps"), "/steps", map, out);
    for (ValidationMessage m : RUNBOOK.validate(tree)) {
      String at = m.getInstanceLocation().toString();
      if (m.getType().equals("additionalProperties")) {
        String key = SourceMap.child(at, m.getProperty());
        SourceMap.Pos p = map.keyOf(key);
        out.add(new Problem(file, p.line(), p.column(), key, unknownField(m, at)));
        continue;
      }
      SourceMap.Pos p = m.getType().equals("required") ? map.keyOf(at) : map.of(at);
      out.add(new Problem(file, p.line(), p.column(), at, text(m, at)));
    }
    return new ArrayList<>(out);
  }

  /** A step is exactly one kind; the schema cannot say which one was meant, so this does. */
  private static void kinds(
      String file, JsonNode steps, String at, SourceMap map, Set<Problem> out) {
    if (!steps.isArray()) return;
    for (int i = 0; i < steps.size(); i++) {
      JsonNode s = steps.get(i);
      String p = SourceMap.child(at, i);
      if (!s.isObject()) continue;
      List<String> kinds =
          RunbookStep.KINDS.stream()
              .filter(s::has)
              .filter(k -> !(k.equals("action") && s.has("wait-until")))
              .toList();
      SourceMap.Pos pos = map.of(p);
      String id = s.path("id").asText("?");
      if (kinds.isEmpty()) {
        out.add(
            new Problem(
                file,
                pos.line(),
                pos.column(),
                p,
                "step `"
                    + id
                    + "` has no kind: give it one of "
                    + String.join(", ", RunbookStep.KINDS)));
      } else if (kinds.size() > 1) {
        out.add(
            new Problem(
                file,
                pos.line(),
                pos.column(),
                p,
                "step `"
                    + id
                    + "` has "
                    + kinds.size()
                    + " kinds ("
                    + String.join(", ", kinds)
                    + "); a step is one kind: split it into several steps"));
      }
      for (String nested : List.of("parallel", "steps", "then", "else")) {
        kinds(file, s.path(nested), SourceMap.child(p, nested), map, out);
      }
      kinds(file, s.path("window").path("steps"), p + "/window/steps", map, out);
    }
  }

  private static String unknownField(ValidationMessage m, String at) {
    String loc = m.getSchemaLocation().toString();
    String parent = loc.substring(loc.indexOf('#') + 1).replaceAll("/additionalProperties$", "");
    List<String> names = new ArrayList<>();
    RUNBOOK.getSchemaNode().at(parent).path("properties").fieldNames().forEachRemaining(names::add);
    return "unknown field `"
        + m.getProperty()
        + "` (check the spelling); allowed here: "
        + String.join(", ", names);
  }

  private static String text(ValidationMessage m, String at) {
    String field = at.isEmpty() ? "the runbook" : "`" + at.substring(at.lastIndexOf('/') + 1) + "`";
    return switch (m.getType()) {
      case "required" -> field + " needs `" + m.getProperty() + "`";
      case "enum" -> field + " must be one of " + m.getSchemaNode();
      case "pattern" ->
          field
              + " `"
              + m.getInstanceNode().asText()
              + "` does not match "
              + m.getSchemaNode().asText()
              + (at.endsWith("/id") ? " (lower case letters, digits and _; a letter first)" : "")
              + (isDuration(m) ? " (an ISO-8601 duration such as PT30S, PT5M or P1D)" : "");
      case "type" -> field + " must be " + m.getArguments()[1] + ", not " + m.getArguments()[0];
      default -> field + ": " + m.getError();
    };
  }

  private static boolean isDuration(ValidationMessage m) {
    return m.getSchemaNode().asText().startsWith("^P(");
  }

  private static JsonSchema load() {
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();
    try (InputStream in = StructureCheck.class.getClassLoader().getResourceAsStream(SCHEMA)) {
      JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      JsonSchema s =
          JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(json, config);
      s.initializeValidators();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException("the runbook schema is not readable", e);
    }
  }
}
