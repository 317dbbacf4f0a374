package io.longhaul.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.longhaul.api.audit.AuditService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The login throttle")
class LoginThrottleTest {
  final MutableClock clock = new MutableClock();
  final AuditService audit = mock(AuditService.class);
  final LoginThrottle throttle =
      new LoginThrottle(
          new SecurityProperties.Login(
              3, 10, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(15)),
          audit,
          clock);

  @Test
  @DisplayName("locks a user after the free failures, doubling the wait, up to the maximum")
  void backoff() {
    throttle.failed("bob", "10.0.0.1");
    throttle.failed("bob", "10.0.0.1");
    assertThat(throttle.lockedFor("bob", "10.0.0.2")).isEmpty();
    throttle.failed("bob", "10.0.0.1");
    assertThat(throttle.lockedFor("bob", "10.0.0.2")).contains(Duration.ofSeconds(1));
    verify(audit).record(eq("system"), eq("login.lockout"), eq("user:bob"), anyMap());
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.lockedFor("bob", "10.0.0.2")).isEmpty();
    throttle.failed("bob", "10.0.0.1");
    assertThat(throttle.lockedFor("bob", null)).contains(Duration.ofSeconds(2));
    for (int i = 0; i < 5; i++) {
      clock.advance(Duration.ofSeconds(10));
      throttle.failed("bob", "10.0.0.1");
    }
    assertThat(throttle.lockedFor("bob", null)).contains(Duration.ofSeconds(8));
  }

  @Test
  @DisplayName("a success clears the user but not the address; failures are forgotten in time")
  void clearing() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("carol", "10.0.0.3");
    }
    clock.advance(Duration.ofSeconds(2));
    throttle.succeeded("carol");
    throttle.failed("carol", "10.0.0.3");
    assertThat(throttle.lockedFor("carol", "10.0.0.4")).isEmpty();
    for (int i = 0; i < 6; i++) {
      throttle.failed(null, "10.0.0.3");
    }
    assertThat(throttle.lockedFor("dave", "10.0.0.3")).isPresent();
    verify(audit, times(1))
        .record(eq("system"), eq("login.lockout"), eq("address:10.0.0.3"), any());
    clock.advance(Duration.ofMinutes(16));
    throttle.failed(null, "10.0.0.3");
    assertThat(throttle.lockedFor(null, "10.0.0.3")).isEmpty();
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
