package io.longhaul.drivers.transport.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.drivers.DeviceException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("HTTP failures")
class HttpFailuresTest {

  @Test
  @DisplayName("map each status to its failure type and retryability")
  void statuses() {
    Map<Integer, Class<? extends DeviceException>> expected =
        Map.of(
            400, DeviceException.CommandRejected.class,
            401, DeviceException.AuthenticationFailed.class,
            403, DeviceException.AuthenticationFailed.class,
            404, DeviceException.CommandRejected.class,
            408, DeviceException.TimedOut.class,
            409, DeviceException.CommandRejected.class,
            429, DeviceException.Unreachable.class,
            500, DeviceException.Unreachable.class,
            502, DeviceException.Unreachable.class,
            503, DeviceException.Unreachable.class);
    expected.forEach(
        (status, type) -> {
          DeviceException e = HttpFailures.status("nn1", "GET /x", status, "body");
          assertThat(e).as("HTTP %d", status).isInstanceOf(type);
          assertThat(e.retryable()).as("HTTP %d", status).isEqualTo(status >= 408 && status != 409);
        });
  }

  @Test
  @DisplayName("map I/O failures: timeouts and refusals retryable, untrusted certificates not")
  void io() {
    Map<IOException, Class<? extends DeviceException>> expected =
        Map.of(
            new SocketTimeoutException("read"), DeviceException.TimedOut.class,
            new ConnectTimeoutException("connect"), DeviceException.TimedOut.class,
            new ConnectException("refused"), DeviceException.Unreachable.class,
            new UnknownHostException("nn1.example"), DeviceException.Unreachable.class,
            new ConnectionClosedException("premature end"), DeviceException.Unreachable.class,
            new java.io.InterruptedIOException("stop"), DeviceException.Cancelled.class,
            new SSLPeerUnverifiedException("name mismatch"),
                DeviceException.AuthenticationFailed.class,
            new SSLHandshakeException("PKIX path building failed", new CertificateException("x")),
                DeviceException.AuthenticationFailed.class,
            new SSLException("connection reset during handshake"),
                DeviceException.Unreachable.class);
    expected.forEach(
        (io, type) ->
            assertThat(HttpFailures.io("nn1", "GET /x", io)).as(io.toString()).isInstanceOf(type));
  }
}
