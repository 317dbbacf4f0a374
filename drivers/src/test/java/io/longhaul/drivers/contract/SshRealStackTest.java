package io.longhaul.drivers.contract;

import io.longhaul.drivers.SshLogin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/** OpenSSH's sshd on loopback with its own config, host key and authorized keys. */
@DisplayName("SSH contract on OpenSSH")
class SshRealStackTest extends SshContract {
  private static RealStack.Started stack;

  @BeforeAll
  static void start() {
    stack = RealStack.require();
  }

  @Override
  String host() {
    return "127.0.0.1";
  }

  @Override
  int port() {
    return stack.sshPort();
  }

  @Override
  SshLogin passwordLogin() {
    return SshLogin.password("longhaul-test", read(stack.ssh("password")).strip());
  }

  @Override
  String keyUser() {
    return "root";
  }

  @Override
  Path keyFile(String name) {
    return stack.ssh(name);
  }

  @Override
  String rsaPassphrase() {
    return "a-passphrase";
  }

  @Override
  String knownHostsLine() {
    return read(stack.ssh("known_hosts")).strip();
  }

  @Override
  String rotateHostKey() {
    RealStack.script("rotate-host-key", stack.dir().toString());
    return knownHostsLine();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
