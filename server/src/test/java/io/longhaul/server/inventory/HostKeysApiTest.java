package io.longhaul.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DisplayName("Device host keys through the API")
class HostKeysApiTest extends ServerTestBase {
  static final String KEY_A =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOR0Qd8DcJDdJI8dmQsXVwyIGz4wBYwOpv4pr1yWmVkE device-a";
  // as ssh-keygen -lf prints them
  static final String FINGERPRINT_A = "SHA256:XRwXzI5Yjjf1gVE0Rm9QECJghIDS22211tgV1zYqLuU";
  static final String KEY_B =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMQA3vWGGz7YIVsqzf3pZHMtpQ9GBqZPz0FNXx0Wv5Z1";
  static final String FINGERPRINT_B = "SHA256:b/PKe3/FDCG80QaNWOp9+vDH+P5vaeW69FuYGOJzqjA";
  static final Path KNOWN_HOSTS;

  static {
    try {
      KNOWN_HOSTS = Files.createTempDirectory("host-keys").resolve("known_hosts");
      Files.writeString(KNOWN_HOSTS, "# an operator's comment\n");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void knownHosts(DynamicPropertyRegistry registry) {
    registry.add("longhaul.ssh.known-hosts", KNOWN_HOSTS::toString);
  }

  @Test
  @DisplayName("an admin trusts a key (fingerprint shown), rotates it, forgets it; each audited")
  void trustRotateForget() throws IOException {
    ApiClient admin = admin();
    var r =
        admin.send(
            "PUT", "/api/v1/host-keys", Map.of("host", "10.1.2.3", "port", 2222, "key", KEY_A));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("entry").path("fingerprint").asText()).isEqualTo(FINGERPRINT_A);
    assertThat(Files.readString(KNOWN_HOSTS))
        .contains("# an operator's comment")
        .contains("[10.1.2.3]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOR0Qd8D");

    r =
        admin.send(
            "PUT", "/api/v1/host-keys", Map.of("host", "10.1.2.3", "port", 2222, "key", KEY_B));
    assertThat(r.body().path("replaced").path("fingerprint").asText()).isEqualTo(FINGERPRINT_A);
    assertThat(admin.get("/api/v1/host-keys").raw())
        .contains(FINGERPRINT_B)
        .doesNotContain(FINGERPRINT_A);

    assertThat(admin.send("DELETE", "/api/v1/host-keys?host=10.1.2.3&port=2222", null).status())
        .isEqualTo(204);
    assertThat(Files.readString(KNOWN_HOSTS)).doesNotContain("10.1.2.3");
    assertThat(admin.get("/api/v1/audit?limit=20").raw())
        .contains("host-key.trust")
        .contains("host-key.forget")
        .contains(FINGERPRINT_B);
  }

  @Test
  @DisplayName("a key that is not one, or a bad host, is a 400 naming the field; nothing changes")
  void badInput() throws IOException {
    String before = Files.readString(KNOWN_HOSTS);
    var r =
        admin()
            .send(
                "PUT",
                "/api/v1/host-keys",
                Map.of(
                    "host",
                    "10.1.2.4",
                    "port",
                    22,
                    "key",
                    "ssh-ed25519 bm90IGEga2V5IGF0IGFsbCwganVzdCB0ZXh0IGhlcmU="));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.raw()).contains("\"key\"");
    r =
        admin()
            .send(
                "PUT",
                "/api/v1/host-keys",
                Map.of("host", "evil host\n@revoked *", "port", 22, "key", KEY_A));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.raw()).contains("\"host\"");
    assertThat(Files.readString(KNOWN_HOSTS)).isEqualTo(before);
  }
}
