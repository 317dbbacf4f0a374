package io.longhaul.workflows.discovery;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.discovery.DiscoveryReport;
import io.longhaul.contracts.discovery.InventoryActivities;
import io.longhaul.contracts.discovery.LldpEntry;
import io.longhaul.contracts.discovery.LldpRequest;
import io.longhaul.contracts.discovery.LldpTable;
import io.longhaul.contracts.discovery.ReconcileRequest;
import io.longhaul.contracts.discovery.SiteLeaves;
import io.longhaul.contracts.discovery.SiteRequest;
import io.longhaul.contracts.discovery.SwitchActivities;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
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
}
