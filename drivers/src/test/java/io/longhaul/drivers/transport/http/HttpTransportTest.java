package io.longhaul.drivers.transport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.longhaul.drivers.DeviceException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
  private HttpServer server;
  private HttpTransport http;
  private String base;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/echo",
        ex -> {
          byte[] in = ex.getRequestBody().readAllBytes();
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, in.length == 0 ? -1 : in.length);
          ex.getResponseBody().write(in);
          ex.close();
        });
    server.createContext(
        "/status/",
        ex -> {
          int code = Integer.parseInt(ex.getRequestURI().getPath().substring(8));
          byte[] body = "{\"error\":\"nope\"}".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(code, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    server.createContext(
        "/slow",
        ex -> {
          try {
            Thread.sleep(6_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
    // A response timeout generous enough for a loaded CI machine, well short of /slow's delay.
    http = new HttpTransport(new HttpOptions(Duration.ofSeconds(2), Duration.ofSeconds(2), 4, 2));
  }

  @AfterEach
  void stop() {
    http.close();
    server.stop(0);
  }

  @Test
  @DisplayName("a JSON body goes out and comes back as text")
  void roundTrip() {
    var result = http.post("hdfs-a", URI.create(base + "/echo"), "{\"bu\":\"a1\"}");
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.body()).isEqualTo("{\"bu\":\"a1\"}");
  }

  @Nested
  @DisplayName("failures are typed")
  class Failures {
    @Test
    @DisplayName("404 is a non-retryable rejection carrying the body")
    void notFound() {
      assertThatThrownBy(() -> http.get("hdfs-a", URI.create(base + "/status/404")))
          .isInstanceOfSatisfying(
              DeviceException.CommandRejected.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.output()).contains("nope");
                assertThat(e.device()).isEqualTo("hdfs-a");
              });
    }

    @Test
    @DisplayName("401 is an authentication failure")
    void unauthorized() {
      assertThatThrownBy(() -> http.get("hdfs-a", URI.create(base + "/status/401")))
          .isInstanceOf(DeviceException.AuthenticationFailed.class);
    }

    @Test
    @DisplayName("503 and 429 are retryable")
    void serverError() {
      assertThatThrownBy(() -> http.get("hdfs-a", URI.create(base + "/status/503")))
          .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.retryable()).isTrue());
      assertThatThrownBy(() -> http.get("hdfs-a", URI.create(base + "/status/429")))
          .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    @DisplayName("a refused connection is unreachable")
    void refused() throws IOException {
      int port;
      try (var socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      assertThatThrownBy(() -> http.get("hdfs-a", URI.create("http://127.0.0.1:" + port + "/x")))
          .isInstanceOf(DeviceException.Unreachable.class);
    }

    @Test
    @DisplayName("a response slower than the timeout is a retryable timeout")
    void slow() {
      assertThatThrownBy(() -> http.get("hdfs-a", URI.create(base + "/slow")))
          .isInstanceOfSatisfying(
              DeviceException.TimedOut.class, e -> assertThat(e.retryable()).isTrue());
    }
  }
}
