package io.longhaul.server.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.longhaul.activities.DeviceAccess;
import io.longhaul.db.security.UserRepository;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A cluster's HTTP credential goes only where an admin scoped it, and cluster URLs only point into
 * their site's management networks. Two HTTP listeners on loopback stand for the cluster
 * (127.0.0.1) and for a host an operator would like to receive the token (127.0.0.2): each counts
 * the requests that reach it and the Authorization headers carrying the token.
 */
@DisplayName("Cluster credentials are bound to where they may go")
class ClusterCredentialScopeEndToEndTest extends ServerTestBase {
  static final String CANARY = "CANARY-cluster-token";

  @Autowired DeviceAccess devices;
  @Autowired DSLContext db;
  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;

  ApiClient operator;
  Listener cluster;
  Listener elsewhere;
  String tag = Long.toHexString(System.nanoTime()).substring(6);

  /** An HTTP server that answers every request with an empty JSON object, and counts. */
  static final class Listener {
    final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger tokens = new AtomicInteger();

    Listener(String address) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 0);
      server.createContext(
          "/",
          exchange -> {
            requests.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (auth != null && auth.contains(CANARY)) {
              tokens.incrementAndGet();
            }
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
    }

    String url(String host) {
      return "http://" + host + ":" + server.getAddress().getPort();
    }
  }

  @BeforeEach
  void listen() throws IOException {
    if (!users.exists("cscope-op")) {
      users.create("cscope-op", encoder.encode("cluster-scope-operator-pw"), "operator");
    }
    operator = ApiClient.basic(port, "cscope-op", "cluster-scope-operator-pw");
    cluster = new Listener("127.0.0.1");
    elsewhere = new Listener("127.0.0.2");
  }

  @AfterEach
  void close() {
    cluster.server.stop(0);
    elsewhere.server.stop(0);
  }

  @Test
  @DisplayName("cluster URLs outside the site's management networks are refused, names resolved")
  void urls() {
    long site = site("127.0.0.1/32");
    for (String url :
        List.of(
            "http://169.254.169.254",
            "http://10.0.0.1:8080",
            "https://8.8.8.8",
            "http://[::1]:8080",
            "http://127.0.0.2:8080",
            "http://0.0.0.0",
            // Names are resolved: one that does not resolve, and one the site does not manage
            // once its networks leave out 127.0.0.1 (below).
            "http://no-such-host.invalid")) {
      var r = operator.post("/api/v1/clusters", clusterBody(site, "u" + tag, url, null));
      assertThat(r.status()).as(url + ": " + r.raw()).isEqualTo(400);
      assertThat(fields(r)).as(url).containsExactly("baseUrl");
    }
    var byName =
        operator.post("/api/v1/clusters", clusterBody(site, "n" + tag, "http://localhost:1", null));
    assertThat(byName.status()).as(byName.raw()).isEqualTo(201);
    long narrow = site("127.0.0.2/32");
    var outside =
        operator.post(
            "/api/v1/clusters", clusterBody(narrow, "o" + tag, "http://localhost:2", null));
    assertThat(outside.status()).as(outside.raw()).isEqualTo(400);
    assertThat(outside.raw()).contains("127.0.0.1 is not in the management networks");
  }

  @Test
  @DisplayName("a cluster's HTTP token is never sent outside its scope")
  void neverSentOutsideItsScope() throws InterruptedException {
    long site = site("127.0.0.0/8");
    long other = site("127.0.0.0/8");
    long token = credential("http-token", CANARY);
    scope(token, site, List.of("cluster"), List.of("127.0.0.1/32"));

    // In scope: the operator binds it, and the driver does send it (the listener works), also
    // when the URL names the host.
    var created =
        operator.post(
            "/api/v1/clusters", clusterBody(site, "in" + tag, cluster.url("127.0.0.1"), token));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    long id = created.body().path("id").asLong();
    probe("in" + tag);
    assertThat(cluster.tokens.get()).isPositive();
    var named =
        operator.post(
            "/api/v1/clusters",
            clusterBody(site, "nm" + tag, cluster.url("localhost") + "/by-name", token));
    assertThat(named.status()).as(named.raw()).isEqualTo(201);
    int before = cluster.tokens.get();
    probe("nm" + tag);
    assertThat(cluster.tokens.get()).isGreaterThan(before);
    cluster.requests.set(0);
    cluster.tokens.set(0);

    // Out of scope through the API: another address, another site, a scope for another kind.
    var away =
        operator.post(
            "/api/v1/clusters", clusterBody(site, "b" + tag, elsewhere.url("127.0.0.2"), token));
    assertThat(away.status()).as(away.raw()).isEqualTo(409);
    assertThat(fields(away)).containsExactly("credentialId");
    var otherSite =
        operator.post(
            "/api/v1/clusters",
            clusterBody(other, "c" + tag, cluster.url("127.0.0.1") + "/x", token));
    assertThat(otherSite.status()).as(otherSite.raw()).isEqualTo(409);
    assertThat(fields(otherSite)).containsExactly("credentialId");
    long switchesOnly = credential("http-basic", CANARY);
    scope(switchesOnly, site, List.of("switch"), List.of());
    var kind =
        operator.post(
            "/api/v1/clusters",
            clusterBody(site, "k" + tag, cluster.url("127.0.0.1") + "/k", switchesOnly));
    assertThat(kind.status()).as(kind.raw()).isEqualTo(409);
    assertThat(fields(kind)).containsExactly("credentialId");

    // A new URL: an operator cannot take the credential along; it is cleared.
    var moved =
        operator.put(
            "/api/v1/clusters/" + id,
            clusterBody(site, "in" + tag, elsewhere.url("127.0.0.2"), token));
    assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
    assertThat(moved.body().path("credentialId").isNull()).isTrue();
    probe("in" + tag); // goes to 127.0.0.2, with no token
    assertThat(elsewhere.requests.get()).isPositive();
    var back =
        operator.put(
            "/api/v1/clusters/" + id,
            clusterBody(site, "in" + tag, cluster.url("127.0.0.1"), token));
    assertThat(back.status()).as(back.raw()).isEqualTo(409);
    var byAdmin =
        admin()
            .put(
                "/api/v1/clusters/" + id,
                clusterBody(site, "in" + tag, cluster.url("127.0.0.1"), token));
    assertThat(byAdmin.status()).as(byAdmin.raw()).isEqualTo(200);
    assertThat(byAdmin.body().path("credentialId").asLong()).isEqualTo(token);

    // Around the API: the row pointed elsewhere, moved into another site, or the scope narrowed.
    // The activity's own check refuses before the secret is revealed.
    db.execute(
        "update cluster set base_url = ? where id = ?", elsewhere.url("127.0.0.2") + "/raw", id);
    assertRefused("in" + tag);
    db.execute(
        "update cluster set base_url = ?, site_id = ? where id = ?",
        cluster.url("127.0.0.1"),
        other,
        id);
    assertRefused("in" + tag);
    db.execute("update cluster set site_id = ? where id = ?", site, id);
    scope(token, site, List.of("cluster"), List.of("127.0.0.9/32"));
    assertRefused("in" + tag);
    assertRefused("nm" + tag);

    // And as a user meets it: a cluster-probe run parks on the refusal, having sent nothing.
    var run =
        operator.post(
            "/api/v1/runs",
            Map.of(
                "operation",
                "cluster-probe",
                "params",
                Map.of("cluster", "in" + tag),
                "reason",
                "scope test"));
    assertThat(run.status()).as(run.raw()).isEqualTo(202);
    var parked = awaitParked(run.body().path("id").asText());
    assertThat(parked.path("pending").get(0).path("errorMessage").asText())
        .contains("outside its scope");
    assertThat(parked.toString()).doesNotContain(CANARY);

    assertThat(elsewhere.tokens.get()).isZero();
    assertThat(cluster.requests.get()).isZero();
    assertThat(cluster.tokens.get()).isZero();
  }

  JsonNode awaitParked(String id) throws InterruptedException {
    JsonNode run = null;
    for (int i = 0; i < 600; i++) {
      run = operator.get("/api/v1/runs/" + id).body();
      if (Set.of("needs_attention", "succeeded", "failed").contains(run.path("status").asText())) {
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("needs_attention");
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + id + " never parked: " + run);
  }

  void assertRefused(String name) {
    int seen = elsewhere.requests.get() + cluster.requests.get();
    assertThatThrownBy(() -> devices.cluster(name).probe())
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("outside its scope");
    assertThat(elsewhere.requests.get() + cluster.requests.get()).isEqualTo(seen);
  }

  /** The cluster's probe through its driver; the listener's empty answers make it fail. */
  void probe(String name) {
    try {
      devices.cluster(name).probe();
    } catch (ApplicationFailure e) {
      throw e;
    } catch (RuntimeException expected) {
      // The listener is no mesh control plane.
    }
  }

  static List<String> fields(ApiClient.Response r) {
    return r.body().path("errors").findValuesAsText("field");
  }

  long site(String cidr) {
    String code = "k" + Long.toHexString(System.nanoTime()).substring(8);
    var r = admin().post("/api/v1/sites", Map.of("code", code, "name", "cluster scope test"));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    long id = r.body().path("id").asLong();
    var set = admin().put("/api/v1/sites/" + id + "/mgmt-networks", Map.of("cidrs", List.of(cidr)));
    assertThat(set.status()).as(set.raw()).isEqualTo(200);
    return id;
  }

  long credential(String kind, String secret) {
    var body =
        new HashMap<String, Object>(
            Map.of("name", kind + "-c" + tag, "kind", kind, "secret", secret));
    if (kind.equals("http-basic")) body.put("username", "ops");
    var r = admin().post("/api/v1/credentials", body);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body().path("id").asLong();
  }

  void scope(long credential, long site, List<String> kinds, List<String> cidrs) {
    var r =
        admin()
            .put(
                "/api/v1/credentials/" + credential + "/scope",
                Map.of("siteId", site, "kinds", kinds, "cidrs", cidrs));
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
  }

  static Map<String, Object> clusterBody(long site, String name, String url, Long credential) {
    var b = new HashMap<String, Object>();
    b.put("siteId", site);
    b.put("name", name);
    b.put("kind", "mesh");
    b.put("baseUrl", url);
    b.put("credentialId", credential);
    return b;
  }
}
