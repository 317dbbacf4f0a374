package io.longhaul.api.error;

import java.util.List;

/** The request is invalid; nothing was changed. */
public class BadRequestException extends RuntimeException {
  private final List<FieldProblem> problems;

  public BadRequestException(List<FieldProblem> problems) {
    super(
        problems.isEmpty()
            ? "invalid request"
            : problems.getFirst().field() + ": " + problems.getFirst().message());
    this.problems = List.copyOf(problems);
  }

  public BadRequestException(String field, String message) {
    this(List.of(new FieldProblem(field, message)));
  }

  public List<FieldProblem> problems() {
    return problems;
  }
}
