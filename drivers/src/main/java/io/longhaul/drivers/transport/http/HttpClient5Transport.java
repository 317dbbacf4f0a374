package io.longhaul.drivers.transport.http;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.transport.Heartbeat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.util.Timeout;

/**
 * {@link HttpTransport} on Apache HttpClient 5. One pooled client per trust material (and one for
 * the JVM's default trust store), so a cluster is only ever reached with the certificates its
 * inventory entry names. A request runs on a virtual thread while the caller waits, heartbeats and
 * watches the deadline; an interrupt or a throwing heartbeat aborts the request's connection.
 */
public final class HttpClient5Transport implements HttpTransport {
  private static final int ERROR_BODY_BYTES = 4096;
  private static final String DEFAULT_TRUST = "jvm-default";

  private final HttpOptions options;
  private final Map<String, CloseableHttpClient> clients = new ConcurrentHashMap<>();
  private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

  public HttpClient5Transport(HttpOptions options) {
    this.options = options;
  }

  @Override
  public HttpResult send(
      HttpEndpoint endpoint, String method, String path, String json, Heartbeat heartbeat) {
    URI uri = endpoint.resolve(path);
    String command = method + " " + path;
    String device = endpoint.device();
    var request = new HttpUriRequestBase(method, uri);
    request.setHeader(HttpHeaders.ACCEPT, "application/json");
    String authorization = endpoint.auth().header();
    if (authorization != null) {
      request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    if (json != null) {
      request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    }
    AtomicLong bytesRead = new AtomicLong();
    CloseableHttpClient client = client(endpoint.trust());
    Future<HttpResult> answer =
        requests.submit(
            () ->
                client.execute(
                    pinned(endpoint, uri),
                    request,
                    response -> read(device, command, request, response, bytesRead)));
    return await(device, command, request, answer, bytesRead, heartbeat);
  }

  /**
   * The endpoint's pinned address under the URI's host name (no name lookup at all, so the address
   * the caller checked is the one reached); null (the URI's host, looked up) when it has none.
   */
  private static HttpHost pinned(HttpEndpoint endpoint, URI uri) {
    if (endpoint.address() == null) {
      return null;
    }
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
    String host = uri.getHost().replaceAll("^\\[|\\]$", "");
    return new HttpHost(uri.getScheme(), endpoint.address(), host, port);
  }

  private HttpResult await(
      String device,
      String command,
      HttpUriRequestBase request,
      Future<HttpResult> answer,
      AtomicLong bytesRead,
      Heartbeat heartbeat) {
    long deadline = System.nanoTime() + options.responseTimeout().toNanos();
    long beatEvery = options.heartbeatInterval().toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          request.cancel();
          throw new DeviceException.TimedOut(
              device, command, "no complete answer within " + options.responseTimeout(), null);
        }
        try {
          return answer.get(Math.min(left, beatEvery), TimeUnit.NANOSECONDS);
        } catch (TimeoutException stillWaiting) {
          (heartbeat == null ? Heartbeat.NONE : heartbeat).beat(bytesRead.get());
        }
      }
    } catch (InterruptedException e) {
      request.cancel();
      Thread.currentThread().interrupt();
      throw new DeviceException.Cancelled(device, command, e);
    } catch (ExecutionException e) {
      throw switch (e.getCause()) {
        case DeviceException d -> d;
        case IOException io -> HttpFailures.io(device, command, io);
        case RuntimeException r -> r;
        case Throwable t -> new IllegalStateException(t);
      };
    } catch (RuntimeException e) {
      // The heartbeat threw: the activity was cancelled or timed out. Abandon the request.
      request.cancel();
      throw e;
    }
  }

  private HttpResult read(
      String device,
      String command,
      HttpUriRequestBase request,
      ClassicHttpResponse response,
      AtomicLong bytesRead)
      throws IOException {
    int status = response.getCode();
    HttpEntity entity = response.getEntity();
    boolean ok = status >= 200 && status < 300;
    long limit = ok ? options.maxBodyBytes() : ERROR_BODY_BYTES;
    byte[] body = entity == null ? new byte[0] : readAtMost(entity.getContent(), limit, bytesRead);
    if (body.length > limit) {
      // Drop the connection rather than let the pool drain the rest of an endless body.
      request.cancel();
    }
    if (!ok) {
      String text = new String(body, 0, (int) Math.min(body.length, limit), StandardCharsets.UTF_8);
      throw status >= 300 && status < 400
          ? new DeviceException.CommandRejected(
              device, command, "HTTP " + status + ": redirect not followed")
          : HttpFailures.status(device, command, status, text.strip());
    }
    if (body.length > limit) {
      throw new DeviceException.VerificationFailed(
          device, command, "answer longer than " + limit + " bytes");
    }
    String type = entity == null || entity.getContentType() == null ? "" : entity.getContentType();
    return new HttpResult(status, type, new String(body, StandardCharsets.UTF_8));
  }

  /**
   * Reads up to {@code limit + 1} bytes, so an over-long body is noticed without reading it all.
   */
  private static byte[] readAtMost(InputStream in, long limit, AtomicLong bytesRead)
      throws IOException {
    if (in == null) {
      return new byte[0];
    }
    var out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while (out.size() <= limit && (n = in.read(buffer)) >= 0) {
      out.write(buffer, 0, n);
      bytesRead.addAndGet(n);
    }
    return out.toByteArray();
  }

  private CloseableHttpClient client(TrustMaterial trust) {
    String key = trust == null ? DEFAULT_TRUST : trust.fingerprint();
    return clients.computeIfAbsent(key, k -> newClient(trust));
  }

  private CloseableHttpClient newClient(TrustMaterial trust) {
    SSLContext tls;
    try {
      tls = trust == null ? SSLContext.getDefault() : trust.sslContext();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("no default TLS context", e);
    }
    var pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(options.maxConnections())
            .setMaxConnPerRoute(options.maxPerRoute())
            .setTlsSocketStrategy(
                ClientTlsStrategyBuilder.create()
                    .setSslContext(tls)
                    .setTlsVersions(TLS.V_1_3, TLS.V_1_2)
                    .buildClassic())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(options.connectTimeout()))
                    .setSocketTimeout(Timeout.of(options.responseTimeout()))
                    .build())
            .build();
    return HttpClients.custom()
        .setConnectionManager(pool)
        .setDefaultRequestConfig(
            RequestConfig.custom()
                .setResponseTimeout(Timeout.of(options.responseTimeout()))
                .setConnectionRequestTimeout(Timeout.of(options.connectTimeout()))
                .build())
        // A redirect could carry the authorization header to another host; retries are the
        // activity's decision, not the library's.
        .disableRedirectHandling()
        .disableAutomaticRetries()
        .disableCookieManagement()
        .build();
  }

  @Override
  public void close() {
    requests.shutdownNow();
    clients
        .values()
        .forEach(
            c -> {
              try {
                c.close();
              } catch (IOException e) {
                // closing anyway
              }
            });
    clients.clear();
  }
}
