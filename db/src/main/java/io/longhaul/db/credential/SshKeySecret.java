package io.longhaul.db.credential;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The secret of an {@code ssh-key} credential: a private key in OpenSSH or PEM format (ed25519,
 * ECDSA or RSA), optionally followed, after its END line, by the key's passphrase on a line of its
 * own. The API checks the shape when the credential is stored; the worker splits it at run time.
 * {@link #toString()} never shows either part.
 */
public record SshKeySecret(byte[] privateKey, byte[] passphrase) {

  private static final Pattern KEY =
      Pattern.compile(
          "(?s)\\s*(-----BEGIN (OPENSSH|RSA|EC|ENCRYPTED)? ?PRIVATE KEY-----\\r?\\n"
              + "[A-Za-z0-9+/=:,\\-\\s]+?"
              + "-----END (OPENSSH|RSA|EC|ENCRYPTED)? ?PRIVATE KEY-----)\\r?\\n?(.*)");

  /** Splits a secret; throws IllegalArgumentException (never showing it) when it is no key. */
  public static SshKeySecret parse(String secret) {
    var m = secret == null ? null : KEY.matcher(secret);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException(
          "not a private key in OpenSSH or PEM format (-----BEGIN ... PRIVATE KEY-----)");
    }
    String key = m.group(1) + "\n";
    String rest = m.group(4).strip();
    if (rest.contains("\n")) {
      throw new IllegalArgumentException("after the key, only its passphrase on one line");
    }
    return new SshKeySecret(
        key.getBytes(StandardCharsets.US_ASCII),
        rest.isEmpty() ? null : rest.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "SshKeySecret[" + (passphrase == null ? "no passphrase" : "with passphrase") + "]";
  }
}
