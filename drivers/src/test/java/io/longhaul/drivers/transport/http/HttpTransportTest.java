package io.longhaul.drivers.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.longhaul.drivers.DeviceException;
import io.longhaul.lab.tls.CertificateAuthority;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The HTTP transport against real HTTPS and HTTP servers on loopback. */
@DisplayName("The HTTP transport")
class HttpTransportTest {
  static final String TOKEN = "s3cret-token";

  final CertificateAuthority ca = new CertificateAuthority("test CA");
  final List<String> authorizations = new CopyOnWriteArrayList<>();
  final AtomicInteger slowAborted = new AtomicInteger();
  HttpsServer https;
  HttpServer plain;
  HttpTransport http;

  @BeforeEach
  void start() throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    https = HttpsServer.create(new InetSocketAddress(loopback, 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(ca.serverContext("test", loopback)));
    plain = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    // The plain server's API sits under /api, as a base URL with a path puts it.
    for (var server : List.of(https, plain)) {
      String root = server == plain ? "/api" : "";
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.createContext(root + "/echo", this::echo);
      server.createContext(root + "/status/", HttpTransportTest::status);
      server.createContext(root + "/big", ex -> reply(ex, 200, "x".repeat(10_000)));
      server.createContext(root + "/slow", this::slow);
      server.createContext(root + "/redirect", HttpTransportTest::redirect);
      server.start();
    }
    // A response timeout generous enough for a loaded CI machine, well short of /slow's delay.
    http =
        new HttpClient5Transport(
            HttpOptions.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withMaxBodyBytes(4096));
  }

  @AfterEach
  void stop() {
    http.close();
    https.stop(0);
    plain.stop(0);
  }

  private void echo(HttpExchange ex) throws IOException {
    authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
    reply(ex, 200, new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static void status(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    reply(ex, Integer.parseInt(path.substring(path.lastIndexOf('/') + 1)), "{\"error\":\"nope\"}");
  }

  private static void redirect(HttpExchange ex) throws IOException {
    ex.getResponseHeaders().set("Location", "http://127.0.0.2/steal");
    reply(ex, 302, "");
  }

  private void slow(HttpExchange ex) throws IOException {
    try {
      Thread.sleep(6_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      reply(ex, 200, "{}");
    } catch (IOException e) {
      slowAborted.incrementAndGet();
      throw e;
    }
  }

  private static void reply(HttpExchange ex, int code, String body) throws IOException {
    try (ex) {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(code, b.length == 0 ? -1 : b.length);
      ex.getResponseBody().write(b);
    }
  }

  HttpEndpoint trusted(HttpAuth auth) {
    return new HttpEndpoint(
        "mesh-a",
        URI.create("https://127.0.0.1:" + https.getAddress().getPort()),
        TrustMaterial.pem(ca.pem()),
        auth);
  }

  HttpEndpoint plainEndpoint() {
    return new HttpEndpoint(
        "mesh-a",
        URI.create("http://127.0.0.1:" + plain.getAddress().getPort() + "/api/"),
        null,
        new HttpAuth.None());
  }

  @Nested
  @DisplayName("over HTTPS")
  class Tls {
    @Test
    @DisplayName("sends JSON with the bearer header to a server whose CA is trusted")
    void roundTrip() {
      var result = http.post(trusted(new HttpAuth.Bearer(TOKEN)), "/echo", "{\"bu\":\"a1\"}");
      assertThat(result.status()).isEqualTo(200);
      assertThat(result.body()).isEqualTo("{\"bu\":\"a1\"}");
      assertThat(authorizations).containsExactly("Bearer " + TOKEN);
    }

    @Test
    @DisplayName("sends HTTP Basic from a username and password")
    void basic() {
      http.get(trusted(new HttpAuth.Basic("ops", "pw")), "/echo");
      assertThat(authorizations).containsExactly("Basic b3BzOnB3");
    }

    @Test
    @DisplayName("takes its trust from a JKS trust store too")
    void jks() throws Exception {
      KeyStore store = KeyStore.getInstance("JKS");
      store.load(null, null);
      store.setCertificateEntry("ca", ca.certificate());
      var bytes = new ByteArrayOutputStream();
      store.store(bytes, "changeit".toCharArray());
      var trust = TrustMaterial.keyStore(bytes.toByteArray(), "JKS", "changeit".toCharArray());
      var endpoint =
          new HttpEndpoint(
              "mesh-a", trusted(new HttpAuth.None()).baseUri(), trust, new HttpAuth.None());
      assertThat(http.get(endpoint, "/echo").status()).isEqualTo(200);
      assertThat(trust.fingerprint()).isEqualTo(TrustMaterial.pem(ca.pem()).fingerprint());
    }

    @Test
    @DisplayName("refuses a server whose certificate another CA issued, sending nothing")
    void untrusted() {
      var other = TrustMaterial.pem(new CertificateAuthority("other CA").pem());
      var endpoint =
          new HttpEndpoint(
              "mesh-a", trusted(new HttpAuth.None()).baseUri(), other, new HttpAuth.Bearer(TOKEN));
      assertThatThrownBy(() -> http.get(endpoint, "/echo"))
          .isInstanceOfSatisfying(
              DeviceException.AuthenticationFailed.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("certificate not trusted");
              });
      assertThat(authorizations).isEmpty();
    }

    @Test
    @DisplayName("refuses the JVM's public CAs for a server of the lab CA")
    void jvmDefaultTrust() {
      var endpoint =
          new HttpEndpoint(
              "mesh-a", trusted(new HttpAuth.None()).baseUri(), null, new HttpAuth.None());
      assertThatThrownBy(() -> http.get(endpoint, "/echo"))
          .isInstanceOf(DeviceException.AuthenticationFailed.class);
    }

    @Test
    @DisplayName("checks the certificate against the URL's name, not the pinned address")
    void pinnedKeepsTheNameCheck() throws Exception {
      var endpoint =
          new HttpEndpoint(
              "mesh-a",
              URI.create("https://localhost:" + https.getAddress().getPort()),
              TrustMaterial.pem(ca.pem()),
              new HttpAuth.Bearer(TOKEN),
              InetAddress.getByName("127.0.0.1"));
      assertThatThrownBy(() -> http.get(endpoint, "/echo"))
          .isInstanceOf(DeviceException.AuthenticationFailed.class);
      assertThat(authorizations).isEmpty();
    }

    @Test
    @DisplayName("refuses a trusted certificate that names another address")
    void wrongName() {
      var endpoint =
          new HttpEndpoint(
              "mesh-a",
              URI.create("https://localhost:" + https.getAddress().getPort()),
              TrustMaterial.pem(ca.pem()),
              new HttpAuth.None());
      assertThatThrownBy(() -> http.get(endpoint, "/echo"))
          .isInstanceOf(DeviceException.AuthenticationFailed.class);
    }
  }

  @Nested
  @DisplayName("with a pinned address")
  class Pinned {
    @Test
    @DisplayName("connects to that address and looks no name up, naming the host in Host")
    void noLookup() throws Exception {
      List<String> hosts = new CopyOnWriteArrayList<>();
      plain.createContext(
          "/api/host",
          ex -> {
            hosts.add(ex.getRequestHeaders().getFirst("Host"));
            reply(ex, 200, "{}");
          });
      // A name that never resolves: only the pinned address can be reached.
      var endpoint =
          new HttpEndpoint(
              "mesh-a",
              URI.create("http://no-such-host.invalid:" + plain.getAddress().getPort() + "/api/"),
              null,
              new HttpAuth.None(),
              InetAddress.getByName("127.0.0.1"));
      assertThat(http.get(endpoint, "/host").status()).isEqualTo(200);
      assertThat(hosts).containsExactly("no-such-host.invalid:" + plain.getAddress().getPort());
    }
  }

  @Nested
  @DisplayName("maps answers and failures to typed device failures")
  class Failures {
    @Test
    @DisplayName("404 is a non-retryable rejection carrying the body")
    void notFound() {
      assertThatThrownBy(() -> http.get(plainEndpoint(), "/status/404"))
          .isInstanceOfSatisfying(
              DeviceException.CommandRejected.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.output()).contains("nope");
                assertThat(e.device()).isEqualTo("mesh-a");
                assertThat(e.command()).isEqualTo("GET /status/404");
              });
    }

    @Test
    @DisplayName("401 and 403 are authentication failures")
    void unauthorized() {
      for (String code : List.of("401", "403")) {
        assertThatThrownBy(() -> http.get(trusted(new HttpAuth.None()), "/status/" + code))
            .isInstanceOf(DeviceException.AuthenticationFailed.class);
      }
    }

    @Test
    @DisplayName("5xx, 429 and 408 are retryable")
    void retryable() {
      for (String code : List.of("500", "503", "429", "408")) {
        assertThatThrownBy(() -> http.get(plainEndpoint(), "/status/" + code))
            .isInstanceOfSatisfying(
                DeviceException.class, e -> assertThat(e.retryable()).as(code).isTrue());
      }
    }

    @Test
    @DisplayName("a redirect is not followed (it could carry the credential elsewhere)")
    void redirect() {
      assertThatThrownBy(() -> http.get(trusted(new HttpAuth.Bearer(TOKEN)), "/redirect"))
          .isInstanceOfSatisfying(
              DeviceException.CommandRejected.class,
              e -> assertThat(e.getMessage()).contains("302", "not followed"));
    }

    @Test
    @DisplayName("a refused connection is unreachable")
    void refused() throws IOException {
      int port;
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      var endpoint =
          new HttpEndpoint(
              "mesh-a", URI.create("http://127.0.0.1:" + port), null, new HttpAuth.None());
      assertThatThrownBy(() -> http.get(endpoint, "/x"))
          .isInstanceOfSatisfying(
              DeviceException.Unreachable.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    @DisplayName("an answer slower than the response timeout is a retryable timeout")
    void slow() {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> http.get(plainEndpoint(), "/slow"))
          .isInstanceOfSatisfying(
              DeviceException.TimedOut.class, e -> assertThat(e.retryable()).isTrue());
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("a body longer than the bound fails without being read to the end")
    void tooLong() {
      assertThatThrownBy(() -> http.get(plainEndpoint(), "/big"))
          .isInstanceOfSatisfying(
              DeviceException.VerificationFailed.class,
              e -> assertThat(e.getMessage()).contains("longer than 4096 bytes"));
    }

    @Test
    @DisplayName("a path that is not a plain absolute path is refused before anything is sent")
    void badPath() {
      for (String path :
          List.of(
              "x",
              "/../etc",
              "/a/..",
              "/a/./b",
              "/a/%2e%2E/b",
              "/a%2Fb",
              "//other/x",
              "/a b",
              "/a\r\nX: y",
              "/a#f")) {
        assertThatThrownBy(() -> http.get(plainEndpoint(), path))
            .as(path)
            .isInstanceOf(DeviceException.InvalidParameter.class);
      }
      assertThat(authorizations).isEmpty();
    }
  }

  @Nested
  @DisplayName("cancellation")
  class Cancellation {
    @Test
    @DisplayName("a heartbeat that throws abandons the request and its connection at once")
    void heartbeatThrows() {
      var options =
          new HttpOptions(
              Duration.ofSeconds(2), Duration.ofSeconds(10), 4, 2, 4096, Duration.ofMillis(100));
      try (var transport = new HttpClient5Transport(options)) {
        AtomicInteger beats = new AtomicInteger();
        long t0 = System.nanoTime();
        assertThatThrownBy(
                () ->
                    transport.send(
                        plainEndpoint(),
                        "GET",
                        "/slow",
                        null,
                        progress -> {
                          if (beats.incrementAndGet() == 3) {
                            throw new IllegalStateException("activity cancelled");
                          }
                        }))
            .hasMessage("activity cancelled");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
      }
    }

    @Test
    @DisplayName("an interrupted caller gets a cancellation and keeps its interrupt flag")
    void interrupted() throws Exception {
      var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
      var flag = new java.util.concurrent.atomic.AtomicBoolean();
      Thread caller =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      http.get(plainEndpoint(), "/slow");
                    } catch (RuntimeException e) {
                      failure.set(e);
                      flag.set(Thread.currentThread().isInterrupted());
                    }
                  });
      Thread.sleep(300);
      caller.interrupt();
      caller.join(3_000);
      assertThat(failure.get()).isInstanceOf(DeviceException.Cancelled.class);
      assertThat(flag.get()).isTrue();
    }
  }

  @Test
  @DisplayName("never shows a secret in an endpoint's or credential's text")
  void secretsHidden() {
    assertThat(trusted(new HttpAuth.Bearer(TOKEN)).toString()).doesNotContain(TOKEN);
    assertThat(new HttpAuth.Basic("ops", "pw-123").toString()).doesNotContain("pw-123");
  }
}
