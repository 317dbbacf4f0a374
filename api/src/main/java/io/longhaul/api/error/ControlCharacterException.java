package io.longhaul.api.error;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string holding a control character other than tab, line feed and carriage return: NUL
 * (which PostgreSQL cannot store and which would cut the value short in C tools), escape sequences
 * (which rewrite a terminal showing the value), bells. Refused wherever a string is read, secrets
 * included; fields that must be one line refuse line breaks too ({@code OneLine}, patterns).
 */
public final class ControlCharacterException extends MismatchedInputException {
  private final String pointer;

  public ControlCharacterException(JsonParser p) {
    super(p, "contains a control character", String.class);
    // Where the parser stands names the string even inside untyped values (run params), whose
    // reader adds no path of its own: "/params/leases/0".
    this.pointer = p.streamReadContext().pathAsPointer().toString();
  }

  /** The string's JSON pointer from the body's root. */
  public String pointer() {
    return pointer;
  }
}
