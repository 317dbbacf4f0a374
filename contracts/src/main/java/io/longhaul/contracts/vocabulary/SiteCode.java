package io.longhaul.contracts.vocabulary;

import java.util.regex.Pattern;

/**
 * A site's code ({@code sha}, {@code fra-2}): the one spelling of its format. The {@code site}
 * table's check constraint and the operations' shared schema ({@code
 * operations/common.schema.json#/$defs/siteCode}) are tested against it.
 */
public final class SiteCode {
  public static final String PATTERN = "^[a-z0-9][a-z0-9-]{0,31}$";

  private static final Pattern COMPILED = Pattern.compile(PATTERN);

  private SiteCode() {}

  public static boolean valid(String code) {
    return code != null && COMPILED.matcher(code).matches();
  }
}
