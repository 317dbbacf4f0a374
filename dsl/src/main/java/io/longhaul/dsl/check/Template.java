package io.longhaul.dsl.check;

import java.util.ArrayList;
import java.util.List;

/**
 * A string that may hold {@code ${expr}} parts. A string that is exactly one {@code ${expr}} takes
 * the expression's value and type; otherwise the parts are joined as text.
 */
public record Template(String text, List<Part> parts) {
  /** One expression inside the text, with its offset (after {@code ${}). */
  public record Part(String expression, int offset) {}

  public static Template parse(String text) {
    List<Part> parts = new ArrayList<>();
    int i = 0;
    while ((i = text.indexOf("${", i)) >= 0) {
      int depth = 1;
      int j = i + 2;
      char quote = 0;
      for (; j < text.length() && depth > 0; j++) {
        char c = text.charAt(j);
        if (quote != 0) {
          if (c == '\\') j++;
          else if (c == quote) quote = 0;
        } else if (c == '\'' || c == '"') quote = c;
        else if (c == '{') depth++;
        else if (c == '}') depth--;
      }
      if (depth > 0) {
        parts.add(new Part(null, i + 2));
        break;
      }
      parts.add(new Part(text.substring(i + 2, j - 1), i + 2));
      i = j;
    }
    return new Template(text, List.copyOf(parts));
  }

  /** Whether the whole string is one expression (its value keeps its type). */
  public boolean whole() {
    return parts.size() == 1
        && parts.getFirst().expression() != null
        && text.startsWith("${")
        && text.endsWith("}")
        && parts.getFirst().expression().length() == text.length() - 3;
  }

  public boolean literal() {
    return parts.isEmpty();
  }
}
