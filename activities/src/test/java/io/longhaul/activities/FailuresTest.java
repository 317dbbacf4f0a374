package io.longhaul.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.drivers.DeviceException;
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
}
