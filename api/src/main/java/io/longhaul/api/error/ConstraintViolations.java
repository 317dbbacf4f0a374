package io.longhaul.api.error;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;

/**
 * Turns a PostgreSQL constraint violation into the field it concerns and what is wrong in an
 * operator's words. The server's own text names constraints, tables and SQL types and may echo row
 * values; none of it reaches a response. What is read from it is the error's class (SQLSTATE), the
 * key's columns ("Key (site_id, name)=..."), the column of a NOT NULL and the column a
 * single-column CHECK is named after ({@code <table>_<column>_check}, PostgreSQL's default names).
 */
final class ConstraintViolations {
  private static final Pattern KEY = Pattern.compile("Key \\(([^)]+)\\)");
  private static final Pattern REFERENCED = Pattern.compile("referenced from table \"([^\"]+)\"");
  private static final Pattern PRESENT = Pattern.compile("not present in table \"([^\"]+)\"");

  /** What a response says about the violation. */
  record Violation(HttpStatus status, String field, String message) {}

  private ConstraintViolations() {}

  static Violation of(DataIntegrityViolationException e) {
    ServerErrorMessage server = server(e);
    String state = server == null ? "" : String.valueOf(server.getSQLState());
    String detail = server == null ? "" : String.valueOf(server.getDetail());
    return switch (state) {
      case "23505" -> new Violation(HttpStatus.CONFLICT, keyField(detail), "is already in use");
      case "23P01" ->
          new Violation(HttpStatus.CONFLICT, keyField(detail), "overlaps an existing one");
      case "23503" -> {
        Matcher referenced = REFERENCED.matcher(detail);
        if (referenced.find()) {
          yield new Violation(
              HttpStatus.CONFLICT, "id", "is still used by a " + words(referenced.group(1)));
        }
        Matcher present = PRESENT.matcher(detail);
        yield new Violation(
            HttpStatus.BAD_REQUEST,
            keyField(detail),
            present.find() ? "names no such " + words(present.group(1)) : "names nothing known");
      }
      case "23502" ->
          new Violation(HttpStatus.BAD_REQUEST, camel(server.getColumn()), "is required");
      case "23514" -> {
        FieldProblem rule = RULES.get(String.valueOf(server.getConstraint()));
        yield rule != null
            ? new Violation(HttpStatus.BAD_REQUEST, rule.field(), rule.message())
            : new Violation(
                HttpStatus.BAD_REQUEST,
                checkField(server.getTable(), server.getConstraint()),
                "is not an allowed value");
      }
      default ->
          new Violation(
              HttpStatus.BAD_REQUEST, JsonProblems.BODY, "holds a value that cannot be stored");
    };
  }

  private static ServerErrorMessage server(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
        return p.getServerErrorMessage();
      }
    }
    return null;
  }

  /** The key's last column: the one a request field sets ("(site_id, name)" is {@code name}). */
  private static String keyField(String detail) {
    Matcher key = KEY.matcher(detail);
    if (!key.find()) {
      return JsonProblems.BODY;
    }
    String[] columns = key.group(1).split(",\\s*");
    return camel(columns[columns.length - 1]);
  }

  /**
   * The checks over more than one column, said as the field an operator would change. (The API
   * checks these too; the database's word is the last one.)
   */
  private static final Map<String, FieldProblem> RULES =
      Map.of(
          "network_check", new FieldProblem("gateway", "must lie inside cidr"),
          "switch_check", new FieldProblem("leafPair", "is only for a leaf"),
          "cluster_check", new FieldProblem("trustPem", "needs an https baseUrl"),
          "window_freeze_check", new FieldProblem("endsAt", "must not be before startsAt"),
          "maintenance_window_check", new FieldProblem("rrule", "give either rrule or cron"),
          "schedule_check",
              new FieldProblem("body", "give exactly one of rrule, cron and windowId"));

  private static final Pattern SUFFIX = Pattern.compile("_(check|length|count|not_null)$");

  /**
   * A single-column check is named {@code <table>_<column>_<rule>} ({@code cluster_base_url_check}
   * is {@code baseUrl}, {@code schedule_reason_length} is {@code reason}); others the body.
   */
  private static String checkField(String table, String constraint) {
    if (table == null || constraint == null || !constraint.startsWith(table + "_")) {
      return JsonProblems.BODY;
    }
    String column = SUFFIX.matcher(constraint.substring(table.length() + 1)).replaceFirst("");
    return column.isEmpty() || column.equals("check") ? JsonProblems.BODY : camel(column);
  }

  private static String words(String table) {
    return table.replace('_', ' ');
  }

  private static String camel(String column) {
    if (column == null || column.isBlank()) {
      return JsonProblems.BODY;
    }
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
