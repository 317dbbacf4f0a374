package io.longhaul.contracts.window;

/** A recurrence, zone or duration that cannot be evaluated; {@code field} names the culprit. */
public class InvalidCalendarException extends IllegalArgumentException {
  private final String field;

  public InvalidCalendarException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  /** The message without the field prefix. */
  public String problem() {
    return getMessage().substring(field.length() + 2);
  }
}
