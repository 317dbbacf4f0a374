package io.longhaul.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.drivers.DeviceException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

  /** One of each driver failure; {@link #coversEveryDriverFailure} keeps it complete. */
  static final List<DeviceException> EVERY_DRIVER_FAILURE =
      List.of(
          new DeviceException.Unreachable("c1", "c", "x", null),
          new DeviceException.TimedOut("c1", "c", "x", null),
          new DeviceException.Cancelled("c1", "c", null),
          new DeviceException.AuthenticationFailed("c1", "x", null),
          new DeviceException.CommandRejected("c1", "c", "x"),
          new DeviceException.VerificationFailed("c1", "c", "x"),
          new DeviceException.NotOwned("c1", "c", "x"),
          new DeviceException.InvalidParameter("c1", "p", "x"));

  @Test
  @DisplayName("the table below holds every permitted driver failure")
  void coversEveryDriverFailure() {
    assertThat(EVERY_DRIVER_FAILURE.stream().map(Object::getClass).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(DeviceException.class.getPermittedSubclasses());
  }

  @Test
  @DisplayName(
      "every driver failure is retried exactly when the driver and FailureTypes both say so")
  void driverFailuresAgreeWithFailureTypes() {
    for (DeviceException e : EVERY_DRIVER_FAILURE) {
      var f = Failures.toTemporal(e);
      assertThat(f.isNonRetryable())
          .as(e.getClass().getSimpleName())
          .isEqualTo(!e.retryable())
          .isEqualTo(FailureTypes.NON_RETRYABLE.contains(f.getType()));
      assertThat(f.getOriginalMessage()).as("names the device").startsWith("c1");
    }
  }

  @Test
  @DisplayName("every failure type is either retryable or not, never both or neither")
  void everyTypeHasOneRetryability() {
    Set<String> all = failureTypeConstants();
    assertThat(all).isNotEmpty();
    assertThat(FailureTypes.RETRYABLE).doesNotContainAnyElementsOf(FailureTypes.NON_RETRYABLE);
    assertThat(union(FailureTypes.RETRYABLE, FailureTypes.NON_RETRYABLE))
        .containsExactlyInAnyOrderElementsOf(all);
    for (String type : all) {
      assertThat(Failures.failure(type, "m").isNonRetryable())
          .as(type)
          .isEqualTo(!FailureTypes.retryable(type));
    }
  }

  private static Set<String> failureTypeConstants() {
    return Arrays.stream(FailureTypes.class.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(FailuresTest::value)
        .collect(Collectors.toSet());
  }

  private static String value(Field f) {
    try {
      return (String) f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
  }
}
