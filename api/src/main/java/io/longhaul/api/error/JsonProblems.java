package io.longhaul.api.error;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Names the field of a body the JSON reader refused ({@code labels[0]}, {@code inner.port}; {@code
 * body} when the fault is the body as a whole) and says what is wrong in the API's terms, never
 * Jackson's (its messages name Java classes).
 */
public final class JsonProblems {
  /** The field name of a problem with the whole body: empty, not JSON, or too large. */
  public static final String BODY = "body";

  private JsonProblems() {}

  public static FieldProblem of(JacksonException e) {
    return new FieldProblem(field(e), message(e));
  }

  static String field(JacksonException e) {
    if (e instanceof ControlCharacterException c && !c.pointer().isEmpty()) {
      return pointerToPath(c.pointer());
    }
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference r : e.getPath()) {
      if (r.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    if (path.isEmpty()
        && e instanceof StreamReadException s
        && s.processor() instanceof JsonParser p) {
      // A syntax error carries no path of its own: where the parser stood is the field (its
      // context outlives the parser, which the reader has closed by now).
      path.append(pointerToPath(p.streamReadContext().pathAsPointer().toString()));
    }
    return path.isEmpty() ? BODY : path.toString();
  }

  private static String message(JacksonException e) {
    return switch (e) {
      case UnrecognizedPropertyException u -> "is not a field of this request";
      case InvalidNullException n -> "must not be null";
      case ControlCharacterException c ->
          "must not contain control characters (only tab, line feed and carriage return)";
      case InputCoercionException c -> "is out of range";
      case StreamConstraintsException c -> "is too large or too deeply nested";
      case MismatchedInputException m when m.getTargetType() != null ->
          m.getOriginalMessage().startsWith("No content")
              ? "is empty"
              : expected(m.getTargetType());
      case StreamReadException s -> "is not valid JSON";
      default -> "is not valid";
    };
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class
        || type == int.class
        || type == Long.class
        || type == long.class
        || type == Short.class
        || type == BigInteger.class) {
      return "must be a whole number in range";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class || type == BigDecimal.class) {
      return "must be a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "must be true or false";
    }
    if (type == String.class || type.isEnum()) {
      return "must be a string";
    }
    if (Temporal.class.isAssignableFrom(type)) {
      return "must be an ISO-8601 date-time string with an offset";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "must be an array";
    }
    if (Map.class.isAssignableFrom(type) || type.isRecord()) {
      return "must be an object";
    }
    return "has the wrong type";
  }

  /** "/labels/1/name" → "labels[1].name". */
  private static String pointerToPath(String pointer) {
    StringBuilder b = new StringBuilder();
    for (String part : pointer.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.chars().allMatch(Character::isDigit)) {
        b.append('[').append(part).append(']');
      } else {
        b.append(b.isEmpty() ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
      }
    }
    return b.toString();
  }
}
