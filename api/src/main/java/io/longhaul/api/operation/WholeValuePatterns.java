package io.longhaul.api.operation;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The one pattern dialect of the API: a pattern is written {@code ^...$} and must match the whole
 * value, as Bean Validation's {@code @Pattern}, the drivers' {@code CliValues} and PostgreSQL's
 * {@code ~ '^...$'} checks do. JSON Schema's default is Java's {@code find()}, where {@code $} also
 * matches before a final line terminator: {@code "vm-1\n"} passed the schema, failed the database's
 * check inside an activity and retried forever. Here the matcher must consume every character, so
 * no trailing {@code \n}, {@code \r\n}, U+0085, U+2028 or U+2029 gets through; an unanchored
 * pattern fails startup instead of meaning something else than it reads.
 */
final class WholeValuePatterns implements RegularExpressionFactory {
  static final WholeValuePatterns INSTANCE = new WholeValuePatterns();

  private WholeValuePatterns() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    if (!regex.startsWith("^") || !regex.endsWith("$") || regex.endsWith("\\$")) {
      throw new IllegalArgumentException(
          "schema pattern " + regex + " must be anchored as ^...$ (it matches the whole value)");
    }
    Pattern pattern = Pattern.compile(regex);
    return value -> pattern.matcher(value).matches();
  }
}
