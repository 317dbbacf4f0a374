package io.longhaul.db.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of the audit chain's HMAC-SHA256. It lives with the application (a file or the
 * environment), never in PostgreSQL, so whoever controls the database alone cannot write a row
 * whose hash holds.
 */
public final class AuditKey {
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  public AuditKey(byte[] keyBytes) {
    if (keyBytes.length < 32) {
      throw new IllegalArgumentException("an audit key has at least 32 bytes");
    }
    this.key = new SecretKeySpec(keyBytes.clone(), ALGORITHM);
  }

  /** The MAC of the fields, length-prefixed so no choice of values makes two inputs alike. */
  public String mac(String... fields) {
    StringBuilder text = new StringBuilder();
    for (String f : fields) {
      text.append(f == null ? "-" : f.length() + ":" + f).append('\n');
    }
    try {
      Mac m = Mac.getInstance(ALGORITHM);
      m.init(key);
      return HexFormat.of().formatHex(m.doFinal(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  /** Compares two MACs in constant time. */
  public static boolean same(String a, String b) {
    return a != null
        && b != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
