package io.longhaul.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import io.longhaul.api.error.FieldProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Checks params against an operation's schema and names each offending field. */
public final class ParamsValidator {
  private ParamsValidator() {}

  public static List<FieldProblem> validate(OperationCatalog.Entry entry, JsonNode params) {
    List<FieldProblem> problems = new ArrayList<>();
    entry.schema().validate(params).stream().map(ParamsValidator::toProblem).forEach(problems::add);
    fractions(entry.schemaJson(), params, "params", problems);
    return problems.stream().distinct().sorted(Comparator.comparing(FieldProblem::field)).toList();
  }

  private static FieldProblem toProblem(ValidationMessage m) {
    // Named as the API names fields: "params.podLabels.app", "params.leases[0]"; a missing
    // property is named by itself.
    String path = path(m.getInstanceLocation());
    if ("required".equals(m.getType()) && m.getProperty() != null) {
      path = path + "." + m.getProperty();
    }
    String message = m.getMessage();
    int colon = message.indexOf(": ");
    return new FieldProblem(path, colon > 0 ? message.substring(colon + 2) : message);
  }

  private static String path(JsonNodePath location) {
    StringBuilder b = new StringBuilder("params");
    for (int i = 0; i < location.getNameCount(); i++) {
      Object e = location.getElement(i);
      if (e instanceof Integer index) {
        b.append('[').append(index).append(']');
      } else {
        b.append('.').append(e);
      }
    }
    return b.toString();
  }

  /**
   * JSON Schema counts 1.0 as an integer; the API does not: a fraction where a whole number is
   * wanted is refused like any other coercion ({@code "vcpus": 1.0} is not {@code 1}).
   */
  private static void fractions(
      JsonNode schema, JsonNode value, String path, List<FieldProblem> out) {
    if (schema == null || value == null) {
      return;
    }
    if ("integer".equals(schema.path("type").asText()) && value.isFloatingPointNumber()) {
      out.add(new FieldProblem(path, "must be a whole number, written without a fraction"));
    }
    if (value.isObject()) {
      value
          .fields()
          .forEachRemaining(
              f -> {
                JsonNode property = schema.path("properties").get(f.getKey());
                JsonNode child = property != null ? property : schema.path("additionalProperties");
                fractions(
                    child.isObject() ? child : null, f.getValue(), path + "." + f.getKey(), out);
              });
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        JsonNode items = schema.path("items");
        fractions(items.isObject() ? items : null, value.get(i), path + "[" + i + "]", out);
      }
    }
  }
}
