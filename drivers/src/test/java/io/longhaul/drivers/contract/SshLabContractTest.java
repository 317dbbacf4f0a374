package io.longhaul.drivers.contract;

import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.lab.LabSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

/** The lab's SSH server (Apache MINA SSHD) on a hypervisor no other test uses: its key rotates. */
@DisplayName("SSH contract on the lab")
class SshLabContractTest extends SshContract {
  private static final String DEVICE = "sin-hv03";
  private static final String PASSPHRASE = "a-passphrase";
  @TempDir static Path keys;

  @BeforeAll
  static void authorizeKeys() throws IOException {
    Keys.generate(keys, PASSPHRASE);
    LabSupport.lab().authorizeKey(Files.readString(keys.resolve("id_ed25519.pub")));
    LabSupport.lab().authorizeKey(Files.readString(keys.resolve("id_rsa_pass.pub")));
  }

  @Override
  String host() {
    return LabSupport.hypervisorTarget(DEVICE).host();
  }

  @Override
  int port() {
    return LabSupport.hypervisorTarget(DEVICE).sshPort();
  }

  @Override
  SshLogin passwordLogin() {
    return LabSupport.login();
  }

  @Override
  String keyUser() {
    return LabSupport.lab().credentials().sshUsername();
  }

  @Override
  Path keyFile(String name) {
    return keys.resolve(name);
  }

  @Override
  String rsaPassphrase() {
    return PASSPHRASE;
  }

  @Override
  String knownHostsLine() {
    String prefix = "[" + host() + "]:" + port() + " ";
    return LabSupport.lab()
        .knownHostsText()
        .lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow();
  }

  @Override
  String rotateHostKey() {
    return LabSupport.lab().rotateHostKey(DEVICE);
  }
}
