package io.longhaul.workflows.drift;

import io.longhaul.contracts.drift.DriftActivities;
import io.longhaul.contracts.drift.DriftReport;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A site's check in memory: the n-th check reports n; checks listed in {@code failing} fail. */
final class DriftFakes implements DriftActivities {
  final AtomicInteger checks = new AtomicInteger();
  private final List<Integer> failing;

  DriftFakes(List<Integer> failing) {
    this.failing = failing;
  }

  @Override
  public DriftReport check(String site) {
    int n = checks.incrementAndGet();
    if (failing.contains(n)) {
      throw ApplicationFailure.newNonRetryableFailure("database away", "Unavailable");
    }
    return new DriftReport(
        site,
        n,
        List.of(),
        List.of("vm-" + n + ": domain vm-" + n + " is paused"),
        List.of(),
        List.of());
  }
}
