package io.longhaul.drivers.contract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Client keys made by OpenSSH's ssh-keygen, in the formats operators upload. */
final class Keys {
  private Keys() {}

  /**
   * id_ed25519 (no passphrase) and id_rsa_pass (RSA 3072 with {@code passphrase}) in {@code dir}.
   */
  static void generate(Path dir, String passphrase) throws IOException {
    keygen(dir, List.of("-t", "ed25519", "-N", "", "-f", dir.resolve("id_ed25519").toString()));
    keygen(
        dir,
        List.of(
            "-t",
            "rsa",
            "-b",
            "3072",
            "-N",
            passphrase,
            "-f",
            dir.resolve("id_rsa_pass").toString()));
  }

  private static void keygen(Path dir, List<String> args) throws IOException {
    var command = new java.util.ArrayList<>(List.of("ssh-keygen", "-q", "-C", "longhaul-test"));
    command.addAll(args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      Assumptions.assumeTrue(p.waitFor() == 0, "ssh-keygen failed");
    } catch (IOException e) {
      Assumptions.abort("ssh-keygen (openssh-client) is not installed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
