package io.longhaul.server.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The lab's entries in known_hosts")
class KnownHostsTest {
  static final String REAL = "[10.0.0.1]:22 ssh-ed25519 AAAAreal";

  @Test
  @DisplayName("replace the previous lab block and stale lines for the same host, keep the rest")
  void replaces(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/known_hosts");
    KnownHosts.replaceLabEntries(file, "[127.77.0.1]:4000 ssh-ed25519 AAAAold\n");
    Files.writeString(
        file,
        REAL + "\n[127.77.0.1]:5000 ssh-ed25519 AAAAstale\n",
        java.nio.file.StandardOpenOption.APPEND);

    KnownHosts.replaceLabEntries(file, "[127.77.0.1]:5000 ssh-ed25519 AAAAnew\n");

    assertThat(Files.readAllLines(file))
        .containsExactly(
            REAL, KnownHosts.BEGIN, "[127.77.0.1]:5000 ssh-ed25519 AAAAnew", KnownHosts.END);
  }
}
