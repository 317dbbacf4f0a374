package io.longhaul.drivers.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.transport.ssh.JschTransport;
import io.longhaul.drivers.transport.ssh.SshEndpoint;
import io.longhaul.drivers.transport.ssh.SshOptions;
import io.longhaul.drivers.transport.ssh.SshTransport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSH transport's contract with a server: password and key logins, and host keys checked
 * against known_hosts as the file is now — a removed key refused and a rotated key accepted from
 * the next connection on, without a restart.
 */
abstract class SshContract {
  /** The server's address. */
  abstract String host();

  abstract int port();

  abstract SshLogin passwordLogin();

  /** The user whose authorized keys hold {@link #keyFile}'s public halves. */
  abstract String keyUser();

  /** A private key authorized for {@link #keyUser()}: id_ed25519, or id_rsa_pass (passphrase). */
  abstract Path keyFile(String name);

  abstract String rsaPassphrase();

  /** The server's known_hosts line now. */
  abstract String knownHostsLine();

  /** Gives the server a new host key; returns its new known_hosts line. */
  abstract String rotateHostKey();

  @TempDir Path dir;
  Path knownHosts;
  SshTransport ssh;

  @BeforeEach
  void trustTheServer() throws IOException {
    knownHosts = dir.resolve("known_hosts");
    Files.writeString(knownHosts, knownHostsLine() + "\n");
    // no reuse: every command is a new connection, each checked against known_hosts
    ssh =
        new JschTransport(
            SshOptions.defaults(knownHosts)
                .withConnectTimeout(Duration.ofSeconds(5))
                .withCommandTimeout(Duration.ofSeconds(10))
                .withReuseSessions(false));
  }

  @AfterEach
  void close() {
    ssh.close();
  }

  String echo(SshLogin login) {
    var r = ssh.exec(new SshEndpoint("ssh-contract", host(), port(), login), "echo ok");
    assertThat(r.ok()).isTrue();
    return r.stdout().strip();
  }

  SshLogin key(String name, String passphrase) throws IOException {
    return SshLogin.key(
        keyUser(),
        Files.readAllBytes(keyFile(name)),
        passphrase == null ? null : passphrase.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  @DisplayName("password login")
  void password() {
    assertThat(echo(passwordLogin())).isEqualTo("ok");
  }

  @Test
  @DisplayName("ed25519 key login (OpenSSH format)")
  void ed25519Key() throws IOException {
    assertThat(echo(key("id_ed25519", null))).isEqualTo("ok");
  }

  @Test
  @DisplayName("RSA key with a passphrase; a wrong passphrase is an authentication failure")
  void rsaKeyWithPassphrase() throws IOException {
    assertThat(echo(key("id_rsa_pass", rsaPassphrase()))).isEqualTo("ok");
    assertThatThrownBy(() -> echo(key("id_rsa_pass", "not-the-passphrase")))
        .isInstanceOf(DeviceException.AuthenticationFailed.class);
  }

  @Test
  @DisplayName(
      "a host key removed from known_hosts is refused on the next connection, and trusted again when restored")
  void hostKeyRemoved() throws IOException {
    assertThat(echo(passwordLogin())).isEqualTo("ok");
    Files.writeString(knownHosts, "");
    assertThatThrownBy(() -> echo(passwordLogin()))
        .isInstanceOf(DeviceException.AuthenticationFailed.class);
    Files.writeString(knownHosts, knownHostsLine() + "\n");
    assertThat(echo(passwordLogin())).isEqualTo("ok");
  }

  @Test
  @DisplayName(
      "a rotated host key is refused until known_hosts holds it, then accepted without a restart")
  void hostKeyRotated() throws IOException {
    assertThat(echo(passwordLogin())).isEqualTo("ok");
    String rotated = rotateHostKey();
    assertThatThrownBy(() -> echo(passwordLogin()))
        .isInstanceOf(DeviceException.AuthenticationFailed.class);
    Files.writeString(knownHosts, rotated + "\n");
    assertThat(echo(passwordLogin())).isEqualTo("ok");
  }
}
