package io.longhaul.drivers.transport.http;

import io.longhaul.drivers.DeviceException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * A thin JSON-over-HTTP client. 2xx returns the body; 401/403 are authentication failures; 408, 429
 * and 5xx are retryable; other 4xx are rejections; connect failures are unreachable.
 */
public final class HttpTransport implements AutoCloseable {

  private final CloseableHttpClient client;
  private final PoolingHttpClientConnectionManager pool;

  public HttpTransport(HttpOptions options) {
    pool =
        PoolingHttpClientConnectionManagerBuilder.create()
            .setMaxConnTotal(options.maxConnections())
            .setMaxConnPerRoute(options.maxPerRoute())
            .setDefaultConnectionConfig(
                ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(options.connectTimeout()))
                    .setSocketTimeout(Timeout.of(options.responseTimeout()))
                    .build())
            .build();
    client =
        HttpClients.custom()
            .setConnectionManager(pool)
            .setDefaultRequestConfig(
                RequestConfig.custom()
                    .setResponseTimeout(Timeout.of(options.responseTimeout()))
                    .setConnectionRequestTimeout(Timeout.of(options.connectTimeout()))
                    .build())
            .disableAutomaticRetries()
            .build();
  }

  public HttpResult get(String device, URI uri) {
    return send(device, "GET", uri, null);
  }

  public HttpResult post(String device, URI uri, String json) {
    return send(device, "POST", uri, json);
  }

  public HttpResult put(String device, URI uri, String json) {
    return send(device, "PUT", uri, json);
  }

  public HttpResult delete(String device, URI uri) {
    return send(device, "DELETE", uri, null);
  }

  /** Sends a request; {@code json} (may be null) is the body. Never logs bodies or headers. */
  public HttpResult send(String device, String method, URI uri, String json) {
    String command = method + " " + uri.getPath();
    var request = new HttpUriRequestBase(method, uri);
    request.setHeader("Accept", "application/json");
    if (json != null) {
      request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
    }
    try {
      return client.execute(
          request,
          response -> {
            int status = response.getCode();
            String body =
                response.getEntity() == null
                    ? ""
                    : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
            if (status >= 200 && status < 300) {
              return new HttpResult(status, body);
            }
            throw failure(device, command, status, body);
          });
    } catch (DeviceException e) {
      throw e;
    } catch (SocketTimeoutException e) {
      throw new DeviceException.TimedOut(device, command, e.getMessage(), e);
    } catch (ConnectException e) {
      throw new DeviceException.Unreachable(device, command, e.getMessage(), e);
    } catch (InterruptedIOException e) {
      Thread.currentThread().interrupt();
      throw new DeviceException.Cancelled(device, command, e);
    } catch (IOException e) {
      throw new DeviceException.Unreachable(device, command, e.toString(), e);
    }
  }

  private static DeviceException failure(String device, String command, int status, String body) {
    String detail = "HTTP " + status;
    return switch (status) {
      case 401, 403 -> new DeviceException.AuthenticationFailed(device, detail, null);
      case 408 -> new DeviceException.TimedOut(device, command, detail, null);
      case 429 -> new DeviceException.Unreachable(device, command, detail + " (throttled)", null);
      default ->
          status >= 500
              ? new DeviceException.Unreachable(device, command, detail, null)
              : new DeviceException.CommandRejected(device, command, detail + ": " + body);
    };
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (IOException e) {
      // pool shutdown; nothing to recover
    }
    pool.close();
    pool.closeExpired();
    pool.closeIdle(org.apache.hc.core5.util.TimeValue.of(0, TimeUnit.SECONDS));
  }
}
