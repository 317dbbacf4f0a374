package io.longhaul.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an error response must not say: the database's own words (SQL, constraint, table and type
 * names, SQLSTATE), Java's (class and package names, exception names, stack frames) or a Jackson
 * message. A problem's title, detail and field messages are for operators.
 */
public final class OperatorWords {
  private static final Pattern LEAK =
      Pattern.compile(
          "(?i)violates|\\bconstraint\\b|duplicate key|relation \"|table \"|column \"|\\bsqlstate\\b"
              + "|\\bERROR:|\\bdetail:|(?-i:\\bKey \\()|::[a-z]|\\b(select|insert into|update \\w+ set|delete"
              + " from)\\b|\\b\\w+_(check|fkey|pkey|key|excl)\\b|\\bpsql|\\bjdbc|\\bjooq"
              + "|\\b(java|javax|jakarta|org|io\\.longhaul|tools\\.jackson|com\\.fasterxml)\\.[a-z]"
              + "|\\w+(Exception|Error)\\b|\\bat [\\w.$]+\\(|\\bclass [A-Z]|\\[Source:|line: \\d");

  private OperatorWords() {}

  /** The first leaked phrase of a problem's title, detail and field messages, if any. */
  public static Optional<String> leak(JsonNode problem) {
    if (problem == null) {
      return Optional.empty();
    }
    StringBuilder words = new StringBuilder();
    words.append(problem.path("title").asText()).append('\n');
    words.append(problem.path("detail").asText()).append('\n');
    problem.path("errors").forEach(e -> words.append(e.path("message").asText()).append('\n'));
    Matcher m = LEAK.matcher(words);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }
}
