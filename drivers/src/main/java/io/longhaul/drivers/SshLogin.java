package io.longhaul.drivers;

import java.util.Objects;

/**
 * SSH credentials the caller decrypted from the database. Either a password or a private key (PEM
 * or OpenSSH format, optionally with a passphrase). {@link #toString()} never shows a secret.
 */
public record SshLogin(String username, String password, byte[] privateKey, byte[] passphrase) {

  public SshLogin {
    Objects.requireNonNull(username, "username");
    if (password == null && privateKey == null) {
      throw new IllegalArgumentException("an SSH login needs a password or a private key");
    }
  }

  public static SshLogin password(String username, String password) {
    return new SshLogin(username, Objects.requireNonNull(password, "password"), null, null);
  }

  public static SshLogin key(String username, byte[] privateKey, byte[] passphrase) {
    return new SshLogin(username, null, Objects.requireNonNull(privateKey, "key"), passphrase);
  }

  @Override
  public String toString() {
    return "SshLogin[username=" + username + ", " + (password != null ? "password" : "key") + "]";
  }
}
