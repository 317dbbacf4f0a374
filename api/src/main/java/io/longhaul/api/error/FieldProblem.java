package io.longhaul.api.error;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One offending field: its path in the request (e.g. {@code params.site}) and what is wrong; for a
 * field that is a document of its own (a runbook's YAML), also the 1-based line and column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String message, Integer line, Integer column) {
  public FieldProblem(String field, String message) {
    this(field, message, null, null);
  }
}
