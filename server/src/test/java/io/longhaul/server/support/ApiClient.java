package io.longhaul.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A real HTTP client for end-to-end tests: JSON over TCP to the server under test. */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String authorization;

  private ApiClient(String base, String authorization) {
    this.base = base;
    this.authorization = authorization;
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient("http://127.0.0.1:" + port, null);
  }

  public static ApiClient basic(int port, String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new ApiClient("http://127.0.0.1:" + port, "Basic " + token);
  }

  public static ApiClient bearer(int port, String token) {
    return new ApiClient("http://127.0.0.1:" + port, "Bearer " + token);
  }

  public record Response(int status, String contentType, JsonNode body, String raw) {}

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  public Response send(String method, String path, Object body) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
      if (authorization != null) {
        b.header("Authorization", authorization);
      }
      String payload =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      b.method(
          method,
          payload == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(payload));
      if (payload != null) {
        b.header("Content-Type", "application/json");
      }
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      String raw = r.body();
      JsonNode json = null;
      if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
        json = JSON.readTree(raw);
      }
      return new Response(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json, raw);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
