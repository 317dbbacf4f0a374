package io.longhaul.drivers.transport.ssh;

import com.jcraft.jsch.JSchException;
import io.longhaul.drivers.DeviceException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Maps JSch's stringly-typed exceptions to typed device failures. */
final class Failures {
  private Failures() {}

  static DeviceException connect(String device, JSchException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    Throwable cause = e.getCause();
    if (message.contains("auth fail") || message.contains("auth cancel")) {
      return new DeviceException.AuthenticationFailed(device, "credentials refused", e);
    }
    if (message.contains("hostkey") || message.contains("host key")) {
      return new DeviceException.AuthenticationFailed(
          device, "host key not trusted (" + e.getMessage() + ")", e);
    }
    if (cause instanceof SocketTimeoutException || message.contains("timeout")) {
      return new DeviceException.TimedOut(device, "", "SSH connect: " + e.getMessage(), e);
    }
    if (cause instanceof ConnectException
        || cause instanceof NoRouteToHostException
        || cause instanceof UnknownHostException) {
      return new DeviceException.Unreachable(device, "", cause.toString(), e);
    }
    return new DeviceException.Unreachable(device, "", "SSH: " + e.getMessage(), e);
  }
}
