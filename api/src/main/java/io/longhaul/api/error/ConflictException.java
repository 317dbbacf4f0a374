package io.longhaul.api.error;

/** The request conflicts with the current state (a duplicate, a reused key); nothing changed. */
public class ConflictException extends RuntimeException {
  private final String field;

  public ConflictException(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
