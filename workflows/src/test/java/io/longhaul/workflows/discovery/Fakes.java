package io.longhaul.workflows.discovery;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.control.LeaseActivities;
import io.longhaul.contracts.control.LeaseGrant;
import io.longhaul.contracts.control.LeaseRelease;
import io.longhaul.contracts.control.LeaseRequest;
import io.longhaul.contracts.control.RunContext;
import io.longhaul.contracts.control.RunControlActivities;
import io.longhaul.contracts.control.RunMirror;
import io.longhaul.contracts.control.StepCompletion;
import io.longhaul.contracts.control.StepWithdrawal;
import io.longhaul.contracts.discovery.DiscoveryReport;
import io.longhaul.contracts.discovery.InventoryActivities;
import io.longhaul.contracts.discovery.LldpEntry;
import io.longhaul.contracts.discovery.LldpRequest;
import io.longhaul.contracts.discovery.LldpTable;
import io.longhaul.contracts.discovery.ReconcileRequest;
import io.longhaul.contracts.discovery.SiteLeaves;
import io.longhaul.contracts.discovery.SiteRequest;
import io.longhaul.contracts.discovery.SwitchActivities;
import io.longhaul.contracts.run.RunOutcome;
import io.longhaul.contracts.run.RunRecorderActivities;
import io.longhaul.contracts.run.StepEvent;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Fake activities for the discovery workflow's tests. */
final class Fakes {
  private Fakes() {}

  static final class Inventory implements InventoryActivities {
    final List<String> leaves;
    final List<ReconcileRequest> reconciled = new CopyOnWriteArrayList<>();

    Inventory(List<String> leaves) {
      this.leaves = leaves;
    }

    @Override
    public SiteLeaves listLeaves(SiteRequest request) {
      return new SiteLeaves(request.site(), leaves);
    }

    @Override
    public DiscoveryReport reconcileHostLinks(ReconcileRequest request) {
      reconciled.add(request);
      int found = request.tables().stream().mapToInt(t -> t.entries().size()).sum();
      return new DiscoveryReport(
          request.site(), request.tables().size(), found, found, List.of(), List.of(), List.of());
    }
  }

  /** Each leaf sees one hypervisor on Ethernet1/1; tracks how many reads run at once. */
  static final class Switches implements SwitchActivities {
    final Set<String> down;
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final List<String> reads = new CopyOnWriteArrayList<>();

    Switches(Set<String> down) {
      this.down = down;
    }

    @Override
    public LldpTable readLldp(LldpRequest request) {
      reads.add(request.switchName());
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(20); // long enough for reads of one window to overlap
        if (down.contains(request.switchName())) {
          throw ApplicationFailure.newNonRetryableFailure(
              request.switchName() + " [snmp walk]: authentication failed",
              FailureTypes.AUTHENTICATION_FAILED);
        }
        return new LldpTable(
            request.switchName(),
            List.of(new LldpEntry("Ethernet1/1", "hv-" + request.switchName(), "eth0")));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        inFlight.decrementAndGet();
      }
    }
  }

  /**
   * The run journal's bookkeeping in memory: recorder, control (empty ledger; a succeeded step
   * lands in {@code events} as with the recorder) and leases (always granted).
   */
  static final class Recorder
      implements RunRecorderActivities, RunControlActivities, LeaseActivities {
    final List<StepEvent> events = new CopyOnWriteArrayList<>();
    final List<RunOutcome> outcomes = new CopyOnWriteArrayList<>();
    final List<RunMirror> mirrors = new CopyOnWriteArrayList<>();

    @Override
    public RunContext begin(String runId) {
      return new RunContext(runId, Map.of());
    }

    @Override
    public void withdrawStep(StepWithdrawal withdrawal) {
      events.add(withdrawal.compensated());
    }

    @Override
    public void completeStep(StepCompletion completion) {
      events.add(completion.event());
    }

    @Override
    public void mirror(RunMirror mirror) {
      mirrors.add(mirror);
    }

    @Override
    public LeaseGrant acquire(LeaseRequest request) {
      return new LeaseGrant(true, List.of());
    }

    @Override
    public List<String> release(LeaseRelease release) {
      return List.of();
    }

    @Override
    public void recordEvent(StepEvent event) {
      events.add(event);
    }

    @Override
    public void recordOutcome(RunOutcome outcome) {
      outcomes.add(outcome);
    }
  }
}
