package io.longhaul.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Token minting and hashing: tokens are shown once and stored only as SHA-256. */
public final class ApiTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {}

  public static String mint() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "lh_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static String sha256(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
