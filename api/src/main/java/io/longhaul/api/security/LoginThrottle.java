package io.longhaul.api.security;

import io.longhaul.api.audit.AuditService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per user name and per client address, for every way in (Basic, the portal's
 * form, bearer tokens, the current password of a password change). Past the free failures each
 * failure locks the key out, for a time that doubles with each further failure; while locked,
 * attempts are refused before any password is checked and are not counted. Each lockout is audited.
 * Kept in memory: each API process throttles what it sees.
 */
@Component
public class LoginThrottle {
  private static final int MAX_KEYS = 10_000;

  private final SecurityProperties.Login policy;
  private final AuditService audit;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  private record Failures(int count, Instant last, Instant lockedUntil) {}

  @Autowired
  public LoginThrottle(SecurityProperties properties, AuditService audit) {
    this(properties.login(), audit, Clock.systemUTC());
  }

  LoginThrottle(SecurityProperties.Login policy, AuditService audit, Clock clock) {
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** How long the user (null: unknown) or the address must still wait, if either is locked. */
  public Optional<Duration> lockedFor(String user, String address) {
    Instant now = clock.instant();
    Duration wait = Duration.ZERO;
    for (String key : keys(user, address)) {
      Failures f = failures.get(key);
      if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now)) {
        Duration left = Duration.between(now, f.lockedUntil());
        wait = left.compareTo(wait) > 0 ? left : wait;
      }
    }
    return wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  public void failed(String user, String address) {
    if (failures.size() > MAX_KEYS) {
      forgetStale();
    }
    if (user != null) {
      fail("user:" + user, policy.userFreeFailures());
    }
    fail("address:" + address, policy.addressFreeFailures());
  }

  /** A correct password clears the user's failures; the address keeps its own count. */
  public void succeeded(String user) {
    failures.remove("user:" + user);
  }

  private void fail(String key, int free) {
    Instant now = clock.instant();
    Failures f =
        failures.compute(
            key,
            (k, old) -> {
              int count =
                  old == null || old.last().plus(policy.forgetAfter()).isBefore(now)
                      ? 1
                      : old.count() + 1;
              Instant until = count < free ? null : now.plus(backoff(count - free));
              return new Failures(count, now, until);
            });
    if (f.lockedUntil() != null) {
      audit.record(
          "system",
          "login.lockout",
          key,
          Map.of(
              "failures",
              f.count(),
              "lockedSeconds",
              Duration.between(now, f.lockedUntil()).toSeconds()));
    }
  }

  private Duration backoff(int step) {
    Duration d = policy.backoff().multipliedBy(1L << Math.min(step, 30));
    return d.compareTo(policy.maxBackoff()) > 0 ? policy.maxBackoff() : d;
  }

  private void forgetStale() {
    Instant cutoff = clock.instant().minus(policy.forgetAfter());
    failures.values().removeIf(f -> f.last().isBefore(cutoff));
  }

  private static java.util.List<String> keys(String user, String address) {
    return user == null
        ? java.util.List.of("address:" + address)
        : java.util.List.of("user:" + user, "address:" + address);
  }
}
