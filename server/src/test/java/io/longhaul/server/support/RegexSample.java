package io.longhaul.server.support;

/**
 * A short string a simple pattern matches, for building valid sample values from a schema:
 * literals, character classes ({@code [a-z0-9._-]}), groups with alternatives (the first one is
 * taken), the quantifiers {@code ? * + {m} {m,n}} and the anchors {@code ^ $}. Enough for the
 * patterns of this API; anything else is refused loudly.
 */
final class RegexSample {
  private final String p;
  private int i;

  private RegexSample(String pattern) {
    this.p = pattern;
  }

  static String of(String pattern) {
    return new RegexSample(pattern).alternatives();
  }

  private String alternatives() {
    String first = sequence();
    while (i < p.length() && p.charAt(i) == '|') {
      i++;
      sequence();
    }
    return first;
  }

  private String sequence() {
    StringBuilder out = new StringBuilder();
    while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
      String atom = atom();
      int min = quantifierMin();
      out.append(atom.repeat(min));
    }
    return out.toString();
  }

  private String atom() {
    char c = p.charAt(i++);
    return switch (c) {
      case '^', '$' -> "";
      case '(' -> {
        if (p.startsWith("?:", i)) {
          i += 2;
        }
        String inner = alternatives();
        i++; // ')'
        yield inner;
      }
      case '[' -> {
        int end = p.indexOf(']', i + 1);
        String cls = p.substring(i, end);
        i = end + 1;
        if (cls.startsWith("^")) {
          yield "x";
        }
        yield cls.startsWith("\\") ? escaped(cls.charAt(1)) : String.valueOf(cls.charAt(0));
      }
      case '\\' -> escaped(p.charAt(i++));
      case '.' -> "x";
      default -> String.valueOf(c);
    };
  }

  private static String escaped(char c) {
    return switch (c) {
      case 'd' -> "0";
      case 'w' -> "a";
      case 's' -> " ";
      default -> String.valueOf(c);
    };
  }

  private int quantifierMin() {
    if (i >= p.length()) {
      return 1;
    }
    char c = p.charAt(i);
    // The fewest repetitions, but one where a pattern allows one: "[^...]*" gives "x", not "".
    switch (c) {
      case '?' -> {
        i++;
        return 0;
      }
      case '*' -> {
        i++;
        return 1;
      }
      case '+' -> {
        i++;
        return 1;
      }
      case '{' -> {
        int end = p.indexOf('}', i);
        String[] bounds = p.substring(i + 1, end).split(",", -1);
        i = end + 1;
        int min = Integer.parseInt(bounds[0].trim());
        boolean allowsOne =
            bounds.length == 1 || bounds[1].isBlank() || Integer.parseInt(bounds[1].trim()) >= 1;
        return min == 0 && allowsOne ? 1 : min;
      }
      default -> {
        return 1;
      }
    }
  }
}
