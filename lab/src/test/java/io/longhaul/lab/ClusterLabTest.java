package io.longhaul.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.topology.Topology;
import io.longhaul.lab.topology.TopologyException;
import io.longhaul.lab.topology.TopologyLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The lab's HTTPS cluster devices, spoken to with the JDK's own HTTP client. */
@DisplayName("The lab's mesh control plane")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterLabTest {
  Lab lab;
  HttpClient trusting;

  @BeforeAll
  void start() throws Exception {
    lab = Lab.start(Topology.demo(), LabOptions.defaults().withAdminPort(-1));
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    ks.setCertificateEntry(
        "lab",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(lab.clusterCaPem().getBytes(StandardCharsets.US_ASCII))));
    var tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, tmf.getTrustManagers(), null);
    trusting =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(3)).build();
  }

  @AfterAll
  void stop() {
    lab.close();
  }

  @AfterEach
  void clear() {
    lab.faults().clearAll();
  }

  HttpResponse<String> send(
      HttpClient client, String method, String path, String token, String body)
      throws IOException, InterruptedException {
    var b =
        HttpRequest.newBuilder(URI.create(lab.device("sha-mesh").baseUrl() + path))
            .timeout(Duration.ofSeconds(3))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  String token() {
    return lab.credentials().httpToken();
  }

  @Test
  @DisplayName(
      "answers its version over HTTPS to a caller that trusts the lab CA and has the token")
  void version() throws Exception {
    var r = send(trusting, "GET", "/version", token(), null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"version\":\"1.24.2\"");
    assertThat(lab.meshControlPlane("sha-mesh").requestLog()).contains("GET /version");
  }

  @Test
  @DisplayName("refuses a caller without the token, and one that does not trust the lab CA")
  void refusals() throws Exception {
    assertThat(send(trusting, "GET", "/version", null, null).statusCode()).isEqualTo(401);
    assertThat(send(trusting, "GET", "/version", "wrong", null).statusCode()).isEqualTo(401);
    assertThatThrownBy(() -> send(HttpClient.newHttpClient(), "GET", "/version", token(), null))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  @DisplayName("installs and deletes a revision beside the serving one, which it keeps")
  void revisions() throws Exception {
    var put = send(trusting, "PUT", "/v1/revisions/canary", token(), "{\"version\":\"1.25.0\"}");
    assertThat(put.statusCode()).isEqualTo(201);
    assertThat(send(trusting, "GET", "/v1/revisions", token(), null).body())
        .contains("canary", "1.25.0", "default");
    assertThat(send(trusting, "PUT", "/v1/revisions/x", token(), "{}").statusCode()).isEqualTo(400);
    assertThat(send(trusting, "DELETE", "/v1/revisions/default", token(), null).statusCode())
        .isEqualTo(409);
    assertThat(send(trusting, "DELETE", "/v1/revisions/canary", token(), null).statusCode())
        .isEqualTo(200);
    assertThat(lab.meshControlPlane("sha-mesh").revisions()).hasSize(1);
  }

  @Test
  @DisplayName("shows injected faults: auth refused, failing calls, garbage, down")
  void faults() throws Exception {
    lab.faults().inject("clusters", new Fault.AuthRefused());
    assertThat(send(trusting, "GET", "/version", token(), null).statusCode()).isEqualTo(401);
    lab.faults().clearAll();
    lab.faults().inject("sha-mesh", new Fault.CommandFails("GET /healthz"));
    assertThat(send(trusting, "GET", "/healthz", token(), null).statusCode()).isEqualTo(500);
    assertThat(send(trusting, "GET", "/version", token(), null).statusCode()).isEqualTo(200);
    lab.faults().clearAll();
    lab.faults().inject("sha", new Fault.Garbage());
    assertThat(send(trusting, "GET", "/version", token(), null).body()).contains("GARBLED");
    lab.faults().clearAll();
    lab.faults().inject("sha-mesh", new Fault.Down());
    assertThatThrownBy(() -> send(trusting, "GET", "/version", token(), null))
        .isInstanceOf(IOException.class);
  }

  @Test
  @DisplayName("refuses a topology cluster of a kind it does not simulate, naming the line")
  void unknownKind() {
    String yaml = "sites:\n  - code: x\n    clusters:\n      - {name: x-nn, kind: k8s}\n";
    assertThatThrownBy(() -> TopologyLoader.fromYaml(yaml, "t.yaml"))
        .isInstanceOf(TopologyException.class)
        .hasMessageContaining("t.yaml:4:")
        .hasMessageContaining("unknown kind 'k8s'");
  }
}
