package io.longhaul.api.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.longhaul.api.error.FieldProblem;
import java.util.Comparator;
import java.util.List;

/** Checks params against an operation's schema and names each offending field. */
public final class ParamsValidator {
  private ParamsValidator() {}

  public static List<FieldProblem> validate(OperationCatalog.Entry entry, JsonNode params) {
    return entry.schema().validate(params).stream()
        .map(ParamsValidator::toProblem)
        .sorted(Comparator.comparing(FieldProblem::field))
        .toList();
  }

  private static FieldProblem toProblem(ValidationMessage m) {
    // "$.network.label" → "params.network.label"; a missing property is named by itself.
    String path = m.getInstanceLocation().toString().replaceFirst("^\\$", "params");
    if ("required".equals(m.getType()) && m.getProperty() != null) {
      path = path + "." + m.getProperty();
    }
    String message = m.getMessage();
    int colon = message.indexOf(": ");
    return new FieldProblem(path, colon > 0 ? message.substring(colon + 2) : message);
  }
}
