package io.longhaul.db.run;

import java.util.Arrays;

/** A run's lifecycle as the portal shows it; the database's check constraint lists the same. */
public enum RunStatus {
  PENDING("pending"),
  RUNNING("running"),
  SUCCEEDED("succeeded"),
  FAILED("failed"),
  CANCELLED("cancelled"),
  TERMINATED("terminated"),
  TIMED_OUT("timed_out");

  private final String value;

  RunStatus(String value) {
    this.value = value;
  }

  public String value() {
    return value;
  }

  public boolean ended() {
    return this != PENDING && this != RUNNING;
  }

  public static RunStatus of(String value) {
    return Arrays.stream(values())
        .filter(s -> s.value.equals(value))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown run status " + value));
  }
}
