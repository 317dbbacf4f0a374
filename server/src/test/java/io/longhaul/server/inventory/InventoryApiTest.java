package io.longhaul.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Inventory through the REST API")
class InventoryApiTest extends ServerTestBase {
  ApiClient admin;
  long siteId;

  @BeforeEach
  void site() {
    admin = admin();
    String code = "t" + Long.toHexString(System.nanoTime()).substring(6);
    var r =
        admin.post(
            "/api/v1/sites", Map.of("code", code, "name", "Test", "timeZone", "Asia/Shanghai"));
    assertThat(r.status()).isEqualTo(201);
    siteId = r.body().path("id").asLong();
  }

  static List<String> fields(ApiClient.Response r) {
    return r.body().path("errors").findValuesAsText("field");
  }

  Map<String, Object> networkBody(String name, String cidr, String gateway, int vlan) {
    Map<String, Object> n = new HashMap<>();
    n.put("siteId", siteId);
    n.put("name", name);
    n.put("labels", List.of("prod-env"));
    n.put("cidr", cidr);
    n.put("gateway", gateway);
    n.put("vlan", vlan);
    return n;
  }

  @Nested
  @DisplayName("refuses bad input with 400 naming the field, and changes nothing")
  class BadInput {
    @Test
    @DisplayName("a malformed site code and an unknown time zone")
    void site() {
      String before = admin.get("/api/v1/sites").raw();
      var r =
          admin.post(
              "/api/v1/sites",
              Map.of("code", "Bad Code!", "name", "x", "timeZone", "Mars/Olympus"));
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(fields(r)).containsExactly("code", "timeZone");
      assertThat(admin.get("/api/v1/sites").raw()).isEqualTo(before);
    }

    @Test
    @DisplayName("a VLAN out of range and a CIDR that is not one")
    void network() {
      var r = admin.post("/api/v1/networks", networkBody("n1", "10.0.0.0", "10.0.0.1", 5000));
      assertThat(r.status()).isEqualTo(400);
      assertThat(fields(r)).contains("cidr", "vlan");
    }

    @Test
    @DisplayName("a gateway outside the CIDR, caught by the database's check")
    void gateway() {
      var r = admin.post("/api/v1/networks", networkBody("n1", "10.9.0.0/24", "10.8.0.1", 10));
      assertThat(r.status()).isEqualTo(400);
      // Said as the field to change, never as the constraint's name.
      assertThat(fields(r)).containsExactly("gateway");
      assertThat(r.body().path("detail").asText())
          .isEqualTo("gateway: must lie inside cidr")
          .doesNotContain("network_check");
    }
  }

  @Nested
  @DisplayName("reports conflicts with 409 naming the field")
  class Conflicts {
    @Test
    @DisplayName("a duplicate site code")
    void duplicateSite() {
      String code = admin.get("/api/v1/sites/" + siteId).body().path("code").asText();
      var r = admin.post("/api/v1/sites", Map.of("code", code, "name", "again"));
      assertThat(r.status()).isEqualTo(409);
      assertThat(fields(r)).containsExactly("code");
    }

    @Test
    @DisplayName("a network overlapping another of the same site")
    void overlap() {
      assertThat(
              admin
                  .post("/api/v1/networks", networkBody("a", "10.20.0.0/20", "10.20.0.1", 20))
                  .status())
          .isEqualTo(201);
      var r = admin.post("/api/v1/networks", networkBody("b", "10.20.4.0/24", "10.20.4.1", 21));
      assertThat(r.status()).isEqualTo(409);
      assertThat(fields(r)).containsExactly("cidr");
    }

    @Test
    @DisplayName("a switch naming a site that does not exist")
    void missingSite() {
      Map<String, Object> sw = new HashMap<>();
      sw.put("siteId", 999999);
      sw.put("name", "leaf-x");
      sw.put("role", "leaf");
      sw.put("dialect", "nxos");
      sw.put("mgmtAddress", "127.9.9.9");
      var r = admin.post("/api/v1/switches", sw);
      assertThat(r.status()).isEqualTo(400);
      assertThat(fields(r)).containsExactly("siteId");
    }
  }

  @Test
  @DisplayName("credentials are write-only: no response carries the secret")
  void credentialsWriteOnly() {
    String name = "c" + Long.toHexString(System.nanoTime()).substring(6);
    var created =
        admin.post(
            "/api/v1/credentials",
            Map.of(
                "name",
                name,
                "kind",
                "ssh-password",
                "username",
                "netops",
                "secret",
                "hunter2-very-secret"));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.raw()).doesNotContain("hunter2");
    assertThat(admin.get("/api/v1/credentials").raw()).doesNotContain("hunter2");
    assertThat(admin.get("/api/v1/audit?limit=50").raw()).doesNotContain("hunter2");
  }

  @Test
  @DisplayName("an unknown id is 404 as problem+json")
  void notFound() {
    var r = admin.get("/api/v1/hypervisors/987654");
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.contentType()).startsWith("application/problem+json");
  }
}
