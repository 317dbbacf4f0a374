package io.longhaul.api.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * Turns a PostgreSQL constraint violation into the field it concerns, from the server's detail
 * ("Key (site_id, name)=(1, leaf1) already exists.") or the constraint's name.
 */
final class ConstraintViolations {
  private static final Pattern KEY = Pattern.compile("Key \\(([^)]+)\\)");
  private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");

  private ConstraintViolations() {}

  static boolean isConflict(DataIntegrityViolationException e) {
    String m = String.valueOf(e.getMostSpecificCause().getMessage());
    return e instanceof DuplicateKeyException || m.contains("exclusion constraint");
  }

  static String field(DataIntegrityViolationException e) {
    String message = String.valueOf(e.getMostSpecificCause().getMessage());
    Matcher key = KEY.matcher(message);
    if (key.find()) {
      String[] columns = key.group(1).split(",\\s*");
      return camel(columns[columns.length - 1]);
    }
    Matcher constraint = CONSTRAINT.matcher(message);
    if (constraint.find()) {
      return constraint.group(1);
    }
    return null;
  }

  static String message(DataIntegrityViolationException e) {
    String m = String.valueOf(e.getMostSpecificCause().getMessage());
    // The server's first line names the rule; later lines may echo row values, which stay out.
    int newline = m.indexOf('\n');
    return (newline < 0 ? m : m.substring(0, newline)).replaceFirst("^ERROR: ", "");
  }

  private static String camel(String column) {
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char c : column.trim().toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        b.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return b.toString();
  }
}
