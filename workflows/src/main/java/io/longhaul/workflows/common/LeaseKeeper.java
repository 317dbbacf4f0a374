package io.longhaul.workflows.common;

import io.longhaul.contracts.control.LeaseActivities;
import io.longhaul.contracts.control.LeaseGrant;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.control.LeaseRelease;
import io.longhaul.contracts.control.LeaseRequest;
import io.longhaul.contracts.control.OperatorControlled;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The leases a run holds on its targets and the ones it waits for. A waiting run is woken by the
 * releasing run's signal; a poll backing off to a minute covers a lost one and keeps a long wait's
 * history small.
 */
final class LeaseKeeper {
  static final String LEASE_UNAVAILABLE = "LeaseUnavailable";
  private static final Duration POLL_MIN = Duration.ofSeconds(2);
  private static final Duration POLL_MAX = Duration.ofMinutes(1);

  private final LeaseActivities leases =
      Workflow.newLocalActivityStub(LeaseActivities.class, ActivityProfiles.bookkeeping());
  private final String runId;
  private final Timeline timeline;
  private final Runnable mirror;
  private final Set<String> held = new LinkedHashSet<>();
  private final List<String> waitingFor = new ArrayList<>();
  private boolean woken;

  LeaseKeeper(String runId, Timeline timeline, Runnable mirror) {
    this.runId = runId;
    this.timeline = timeline;
    this.mirror = mirror;
  }

  void acquire(List<String> names, LeasePolicy policy) {
    boolean queued = false;
    Duration poll = POLL_MIN;
    while (true) {
      woken = false;
      LeaseGrant grant = leases.acquire(new LeaseRequest(runId, names, policy));
      if (grant.granted()) {
        held.addAll(names);
        waitingFor.clear();
        timeline.record("lease", String.join(",", names), "lease_acquired", 1, null, null);
        if (queued) {
          mirror.run();
        }
        return;
      }
      if (policy == LeasePolicy.FAIL_FAST) {
        throw ApplicationFailure.newNonRetryableFailure(
            names + " held by " + grant.heldBy(), LEASE_UNAVAILABLE);
      }
      if (!queued) {
        queued = true;
        waitingFor.addAll(names);
        timeline.record("lease", String.join(",", names), "lease_waiting", 1, null, null);
        mirror.run();
      }
      Workflow.await(poll, () -> woken);
      poll = poll.multipliedBy(2).compareTo(POLL_MAX) > 0 ? POLL_MAX : poll.multipliedBy(2);
    }
  }

  void release(List<String> names) {
    List<String> wake = leases.release(new LeaseRelease(runId, names));
    names.forEach(held::remove);
    timeline.record("lease", String.join(",", names), "lease_released", 1, null, null);
    for (String other : wake) {
      try {
        Workflow.newUntypedExternalWorkflowStub(other).signal(OperatorControlled.LEASE_AVAILABLE);
      } catch (RuntimeException e) {
        // The waiter ended meanwhile, or lost the signal: its poll and the reconciler cover it.
      }
    }
  }

  /** Releases everything held or queued for, as the run ends. */
  void releaseAll() {
    if (!held.isEmpty() || !waitingFor.isEmpty()) {
      List<String> names = new ArrayList<>(held);
      waitingFor.stream().filter(n -> !names.contains(n)).forEach(names::add);
      waitingFor.clear();
      release(names);
    }
  }

  void wake() {
    woken = true;
  }

  List<String> held() {
    return new ArrayList<>(held);
  }

  List<String> waitingFor() {
    return waitingFor;
  }

  /** Leases a previous execution of a continued run acquired; the lease rows still name it. */
  void restore(List<String> names) {
    held.addAll(names);
  }
}
