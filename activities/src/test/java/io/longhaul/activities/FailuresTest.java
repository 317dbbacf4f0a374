package io.longhaul.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.drivers.DeviceException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Driver failures as Temporal failures")
class FailuresTest {

  @Test
  @DisplayName("an unreachable device is retryable and keeps the device and command in the message")
  void unreachable() {
    var f =
        Failures.toTemporal(
            new DeviceException.Unreachable("sha-leaf1", "snmp walk", "no route", null));
    assertThat(f.getType()).isEqualTo(FailureTypes.DEVICE_UNREACHABLE);
    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getOriginalMessage()).contains("sha-leaf1", "snmp walk");
    assertThat(f.getCause()).isNull();
  }

  @Test
  @DisplayName("a refused login is not retried")
  void authentication() {
    var f =
        Failures.toTemporal(new DeviceException.AuthenticationFailed("sha-leaf1", "denied", null));
    assertThat(f.getType()).isEqualTo(FailureTypes.AUTHENTICATION_FAILED);
    assertThat(f.isNonRetryable()).isTrue();
  }

  @Test
  @DisplayName("every driver failure keeps its retryability, and retry policies agree with it")
  void everyType() {
    List<DeviceException> all =
        List.of(
            new DeviceException.Unreachable("c1", "GET /x", "HTTP 503", null),
            new DeviceException.TimedOut("c1", "GET /x", "no answer", null),
            new DeviceException.Cancelled("c1", "GET /x", null),
            new DeviceException.AuthenticationFailed("c1", "HTTP 401", null),
            new DeviceException.CommandRejected("c1", "PUT /x", "HTTP 409"),
            new DeviceException.VerificationFailed("c1", "GET /x", "answer is not JSON"),
            new DeviceException.InvalidParameter("c1", "path", "not a plain absolute path"));
    for (DeviceException e : all) {
      var f = Failures.toTemporal(e);
      assertThat(f.isNonRetryable()).as(f.getType()).isEqualTo(!e.retryable());
      assertThat(FailureTypes.NON_RETRYABLE.contains(f.getType()))
          .as("%s on the never-retry list", f.getType())
          .isEqualTo(!e.retryable());
      assertThat(f.getOriginalMessage()).startsWith("c1");
    }
  }
}
