package io.longhaul.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.lab.tls.CertificateAuthority;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Clusters through the REST API")
class ClustersApiTest extends ServerTestBase {
  static final String PEM = new CertificateAuthority("api test CA").pem();

  ApiClient admin;
  long siteId;
  String unique;

  @BeforeEach
  void site() {
    admin = admin();
    unique = Long.toHexString(System.nanoTime()).substring(6);
    var r = admin.post("/api/v1/sites", Map.of("code", "c" + unique, "name", "Clusters"));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    siteId = r.body().path("id").asLong();
    // Cluster URLs must lie in the site's management networks.
    var networks =
        admin.put(
            "/api/v1/sites/" + siteId + "/mgmt-networks", Map.of("cidrs", List.of("10.0.0.0/8")));
    assertThat(networks.status()).as(networks.raw()).isEqualTo(200);
  }

  Map<String, Object> body(String name, String url) {
    Map<String, Object> b = new HashMap<>();
    b.put("siteId", siteId);
    b.put("name", name);
    b.put("kind", "mesh");
    b.put("baseUrl", url);
    b.put("trustPem", PEM);
    b.put("labels", List.of("idc-a"));
    return b;
  }

  static List<String> fields(ApiClient.Response r) {
    return r.body().path("errors").findValuesAsText("field");
  }

  @Test
  @DisplayName("create, read, list, update and delete a cluster, each change audited")
  void crud() {
    var created = admin.post("/api/v1/clusters", body("mesh-" + unique, "https://10.9.0.1:15014"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    assertThat(created.body().path("trustPem").asText()).isEqualTo(PEM);
    assertThat(admin.get("/api/v1/clusters/" + id).body().path("kind").asText()).isEqualTo("mesh");
    assertThat(admin.get("/api/v1/clusters").body().findValuesAsText("name"))
        .contains("mesh-" + unique);

    var changed = body("mesh-" + unique, "https://10.9.0.2:15014/api");
    changed.put("labels", List.of("idc-b", "canary"));
    var updated = admin.send("PUT", "/api/v1/clusters/" + id, changed);
    assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
    assertThat(updated.body().path("baseUrl").asText()).isEqualTo("https://10.9.0.2:15014/api");
    assertThat(updated.body().path("labels").toString()).isEqualTo("[\"idc-b\",\"canary\"]");

    assertThat(admin.send("DELETE", "/api/v1/clusters/" + id, null).status()).isEqualTo(204);
    assertThat(admin.get("/api/v1/clusters/" + id).status()).isEqualTo(404);
    String audit = admin.get("/api/v1/audit?limit=50").raw();
    assertThat(audit).contains("cluster.create", "cluster.update", "cluster.delete");
    assertThat(audit).doesNotContain("BEGIN CERTIFICATE");
  }

  @Nested
  @DisplayName("refuses bad input with 400 naming the field, and changes nothing")
  class BadInput {
    void refused(Map<String, Object> body, String... expected) {
      String before = admin.get("/api/v1/clusters").raw();
      var r = admin.post("/api/v1/clusters", body);
      assertThat(r.status()).as(r.raw()).isEqualTo(400);
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(fields(r)).containsExactlyInAnyOrder(expected);
      assertThat(admin.get("/api/v1/clusters").raw()).isEqualTo(before);
    }

    @Test
    @DisplayName("a URL that is not http(s), carries a credential, a query or a port past 65535")
    void urls() {
      for (String url :
          List.of(
              "ftp://10.0.0.1",
              "https://ops:pw@10.0.0.1",
              "https://10.0.0.1/?token=x",
              "https://10.0.0.1:99999",
              "10.0.0.1:443",
              "https://")) {
        refused(body("m-" + unique, url), "baseUrl");
      }
    }

    @Test
    @DisplayName("an unknown kind, a malformed name and label, junk trust material")
    void fieldsOfTheBody() {
      var b = body("bad name!", "https://10.0.0.1");
      b.put("kind", "ceph");
      b.put("labels", List.of("Bad Label"));
      b.put("trustPem", "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
      refused(b, "name", "kind", "labels[0]", "trustPem");
    }

    @Test
    @DisplayName("trust material for a plain-http URL")
    void trustWithoutTls() {
      refused(body("m-" + unique, "http://10.0.0.1:8080"), "trustPem");
    }

    @Test
    @DisplayName("a site or credential that does not exist")
    void references() {
      var b = body("m-" + unique, "https://10.0.0.1");
      b.put("siteId", 999_999);
      refused(b, "siteId");
      b = body("m-" + unique, "https://10.0.0.1");
      b.put("credentialId", 999_999);
      refused(b, "credentialId");
    }

    @Test
    @DisplayName("a credential that is not for HTTP")
    void sshCredential() {
      var ssh =
          admin.post(
              "/api/v1/credentials",
              Map.of(
                  "name", "ssh-" + unique, "kind", "ssh-password", "username", "u", "secret", "s"));
      assertThat(ssh.status()).as(ssh.raw()).isEqualTo(201);
      var b = body("m-" + unique, "https://10.0.0.1");
      b.put("credentialId", ssh.body().path("id").asLong());
      refused(b, "credentialId");
    }
  }

  @Test
  @DisplayName("a duplicate name is a conflict naming the field")
  void duplicate() {
    assertThat(admin.post("/api/v1/clusters", body("d-" + unique, "https://10.8.0.1")).status())
        .isEqualTo(201);
    var r = admin.post("/api/v1/clusters", body("d-" + unique, "https://10.8.0.2"));
    assertThat(r.status()).isEqualTo(409);
    assertThat(fields(r)).containsExactly("name");
  }
}
