package io.longhaul.drivers.transport.ssh;

import io.longhaul.drivers.SshLogin;
import java.util.Objects;

/** One SSH server and the login to use on it; {@code device} names it in failures. */
public record SshEndpoint(String device, String host, int port, SshLogin login) {
  public SshEndpoint {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(login, "login");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
  }

  /**
   * Sessions are pooled per server and login; a rotated secret (a new password, key or passphrase)
   * gets fresh sessions.
   */
  String poolKey() {
    int secret =
        login.password() != null
            ? login.password().hashCode()
            : 31 * java.util.Arrays.hashCode(login.privateKey())
                + java.util.Arrays.hashCode(login.passphrase());
    return login.username() + "@" + host + ":" + port + "#" + Integer.toHexString(secret);
  }
}
