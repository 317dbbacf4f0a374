package io.longhaul.drivers.transport.http;

import io.longhaul.drivers.DeviceException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.HttpHostConnectException;

/**
 * The one place an HTTP answer or an I/O failure becomes a typed device failure. Unreachable and
 * timed out are retryable, as are 5xx (the server is there but failing), 408 and 429; 401 and 403
 * and an untrusted server certificate are authentication failures; other answers are rejections.
 */
public final class HttpFailures {
  private HttpFailures() {}

  /** A non-2xx answer; {@code body} is what the server said (for the operator, never a secret). */
  public static DeviceException status(String device, String command, int status, String body) {
    String detail = "HTTP " + status;
    return switch (status) {
      case 401, 403 -> new DeviceException.AuthenticationFailed(device, detail, null);
      case 408 -> new DeviceException.TimedOut(device, command, detail, null);
      case 429 -> new DeviceException.Unreachable(device, command, detail + " (throttled)", null);
      default ->
          status >= 500
              ? new DeviceException.Unreachable(device, command, detail, null)
              : new DeviceException.CommandRejected(
                  device, command, detail + (body.isEmpty() ? "" : ": " + body));
    };
  }

  /** A request that got no complete answer. */
  public static DeviceException io(String device, String command, IOException e) {
    if (untrustedCertificate(e)) {
      return new DeviceException.AuthenticationFailed(
          device, "server certificate not trusted (" + e.getMessage() + ")", e);
    }
    return switch (e) {
      // Both are InterruptedIOExceptions: test them before the cancellation below.
      case ConnectTimeoutException t ->
          new DeviceException.TimedOut(device, command, "connect: " + t.getMessage(), e);
      case SocketTimeoutException t ->
          new DeviceException.TimedOut(device, command, "no answer: " + t.getMessage(), e);
      case InterruptedIOException i -> new DeviceException.Cancelled(device, command, e);
      case HttpHostConnectException c ->
          new DeviceException.Unreachable(device, command, c.getMessage(), e);
      case ConnectException c -> new DeviceException.Unreachable(device, command, c.toString(), e);
      case NoRouteToHostException n ->
          new DeviceException.Unreachable(device, command, n.toString(), e);
      case UnknownHostException u ->
          new DeviceException.Unreachable(device, command, "unknown host " + u.getMessage(), e);
      default -> new DeviceException.Unreachable(device, command, e.toString(), e);
    };
  }

  private static boolean untrustedCertificate(IOException e) {
    if (e instanceof SSLPeerUnverifiedException) {
      return true; // the certificate does not name the host we called
    }
    if (!(e instanceof SSLException)) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof CertificateException) {
        return true;
      }
    }
    return e instanceof SSLHandshakeException
        && String.valueOf(e.getMessage()).contains("certification path");
  }
}
