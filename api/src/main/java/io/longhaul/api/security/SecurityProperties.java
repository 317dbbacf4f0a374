package io.longhaul.api.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The API's security settings under {@code longhaul.security.*}: the request body cap, how long a
 * token lives when its creator names no expiry, and login throttling.
 */
@ConfigurationProperties("longhaul.security")
public record SecurityProperties(
    @DefaultValue("1MB") DataSize maxBody,
    @DefaultValue("P90D") Duration tokenLifetime,
    @DefaultValue Login login) {

  /**
   * Failed logins: a user name may fail {@code userFreeFailures} times and a client address {@code
   * addressFreeFailures} times before each further failure locks it out for {@code backoff},
   * doubling up to {@code maxBackoff}. Failures are forgotten {@code forgetAfter} after the last.
   */
  public record Login(
      @DefaultValue("5") int userFreeFailures,
      @DefaultValue("20") int addressFreeFailures,
      @DefaultValue("PT1S") Duration backoff,
      @DefaultValue("PT15M") Duration maxBackoff,
      @DefaultValue("PT15M") Duration forgetAfter) {}
}
