package io.longhaul.api.error;

/** One offending field: its path in the request (e.g. {@code params.site}) and what is wrong. */
public record FieldProblem(String field, String message) {}
