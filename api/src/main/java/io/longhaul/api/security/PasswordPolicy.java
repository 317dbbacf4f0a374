package io.longhaul.api.security;

import io.longhaul.api.error.BadRequestException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password must be: 12 characters to 72 bytes (bcrypt reads no further), five different
 * characters at least, not the user's name nor containing it, and not a commonly breached password
 * (the list shipped in {@code security/common-passwords.txt}), also with digits or symbols around
 * it or the usual letter swaps. Applied wherever a password is set: creating a user, a reset by an
 * admin, a change by its owner, and the first admin's password from the environment.
 */
@Component
public class PasswordPolicy {
  static final String LIST = "security/common-passwords.txt";
  static final int MIN_LENGTH = 12;
  static final int MAX_BYTES = 72;

  // Digits and symbols before or after the word: "2024password!" is "password".
  private static final String AROUND = "^[^\\p{L}]+|[^\\p{L}]+$";

  private final Set<String> common;

  public PasswordPolicy() {
    this.common = load();
  }

  /** Throws a 400 naming {@code field} when the password breaks the policy. */
  public void check(String field, String username, String password) {
    String problem = problem(username, password);
    if (problem != null) {
      throw new BadRequestException(field, problem);
    }
  }

  /** What is wrong with the password, or null. */
  public String problem(String username, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "must be at least " + MIN_LENGTH + " characters";
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "must be at most " + MAX_BYTES + " bytes";
    }
    if (password.codePoints().distinct().count() < 5) {
      return "must use at least 5 different characters";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (username != null
        && username.length() >= 3
        && lower.contains(username.toLowerCase(Locale.ROOT))) {
      return "must not contain the user name";
    }
    if (isCommon(lower)) {
      return "is a commonly used password";
    }
    return null;
  }

  private boolean isCommon(String lower) {
    String bare = lower.replaceAll(AROUND, "");
    String unswapped = unswap(bare).replaceAll(AROUND, "");
    return common.contains(lower)
        || (!bare.isEmpty() && common.contains(bare))
        || (!unswapped.isEmpty() && common.contains(unswapped))
        || common.contains(lower.replaceAll("\\P{L}", ""));
  }

  private static String unswap(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      b.append(
          switch (c) {
            case '@', '4' -> 'a';
            case '3' -> 'e';
            case '1', '!' -> 'i';
            case '0' -> 'o';
            case '$', '5' -> 's';
            case '7' -> 't';
            default -> c;
          });
    }
    return b.toString();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException(LIST + " is not on the classpath");
      }
      var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip().toLowerCase(Locale.ROOT);
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + LIST, e);
    }
    return Set.copyOf(words);
  }
}
