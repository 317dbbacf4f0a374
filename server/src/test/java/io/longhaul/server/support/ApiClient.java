package io.longhaul.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A real HTTP client for end-to-end tests: JSON over TCP to the server under test, as nobody, by
 * Basic, by bearer token, or as a portal session (form login, cookies, CSRF header), optionally
 * from another loopback source address (the server throttles logins per client address).
 */
public final class ApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final CookieManager cookies;
  private final int port;
  private final String base;
  private final String authorization;
  private final String source;

  private ApiClient(int port, String authorization, String source, boolean session) {
    this.port = port;
    this.base = "http://127.0.0.1:" + port;
    this.authorization = authorization;
    this.source = source;
    this.cookies = session ? new CookieManager() : null;
    HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    if (cookies != null) {
      b.cookieHandler(cookies);
    }
    if (source != null) {
      try {
        b.localAddress(InetAddress.getByName(source));
      } catch (IOException e) {
        throw new IllegalArgumentException(source, e);
      }
    }
    this.http = b.build();
  }

  public static ApiClient anonymous(int port) {
    return new ApiClient(port, null, null, false);
  }

  public static ApiClient basic(int port, String user, String password) {
    return new ApiClient(port, basicHeader(user, password), null, false);
  }

  public static ApiClient bearer(int port, String token) {
    return new ApiClient(port, "Bearer " + token, null, false);
  }

  /** A portal session: no Authorization header, a session cookie after {@link #login}. */
  public static ApiClient session(int port) {
    return new ApiClient(port, null, null, true);
  }

  /** The same caller, connecting from another loopback address (e.g. "127.0.0.9"). */
  public ApiClient from(String sourceAddress) {
    return new ApiClient(port, authorization, sourceAddress, cookies != null);
  }

  private static String basicHeader(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public record Response(
      int status, String contentType, JsonNode body, String raw, HttpHeaders headers) {}

  public Response get(String path) {
    return send("GET", path, null);
  }

  public Response post(String path, Object body) {
    return send("POST", path, body);
  }

  /**
   * The portal's form login as a browser does it: the login page first (it hands out the CSRF
   * token, as the XSRF-TOKEN cookie), then the form with the token echoed; the session cookie is
   * kept for later requests.
   */
  public Response login(String user, String password) {
    if (xsrf().isEmpty()) {
      get("/login");
    }
    return loginPosting(user, password, xsrf().orElse(null));
  }

  /** The form login with {@code token} as its CSRF header (null: none), as a forged one might. */
  public Response loginPosting(String user, String password, String token) {
    String form =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return exchange(
        withToken(
            request("/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(form)),
            token),
        "POST /login");
  }

  private static HttpRequest.Builder withToken(HttpRequest.Builder b, String token) {
    return token == null ? b : b.header("X-XSRF-TOKEN", token);
  }

  public Response put(String path, Object body) {
    return send("PUT", path, body);
  }

  public Response send(String method, String path, Object body) {
    try {
      String payload =
          body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
      return sendRaw(
          method,
          path,
          payload == null ? null : payload.getBytes(StandardCharsets.UTF_8),
          "application/json");
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " failed", e);
    }
  }

  /** Any bytes as the body, e.g. invalid UTF-8 or a body past the server's cap. */
  public Response sendRaw(String method, String path, byte[] body, String contentType) {
    HttpRequest.Builder b = request(path);
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    if (cookies != null && !"GET".equals(method)) {
      xsrf().ifPresent(token -> b.header("X-XSRF-TOKEN", token));
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    if (body != null) {
      b.header("Content-Type", contentType);
    }
    return exchange(b, method + " " + path);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
  }

  /** The CSRF token the server handed this session, if it did. */
  public java.util.Optional<String> xsrf() {
    if (cookies == null) {
      return java.util.Optional.empty();
    }
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8))
        .findFirst();
  }

  private Response exchange(HttpRequest.Builder b, String what) {
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      String raw = r.body();
      JsonNode json = null;
      if (raw != null && !raw.isBlank() && (raw.startsWith("{") || raw.startsWith("["))) {
        json = JSON.readTree(raw);
      }
      return new Response(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(""),
          json,
          raw,
          r.headers());
    } catch (IOException e) {
      throw new IllegalStateException(what + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
