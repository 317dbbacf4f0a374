package io.longhaul.activities.spawn;

import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import io.longhaul.drivers.capability.DomainIdentity;
import io.longhaul.drivers.capability.DomainOwner;
import io.temporal.activity.Activity;
import org.springframework.stereotype.Component;

/**
 * Which ownership mark a domain carries or must carry. A run defines domains under its own change
 * (a re-run shares its original's, so it owns what the original defined). A teardown may be another
 * run (an instance delete), so it accepts a mark whose run this installation recorded under the
 * mark's change for the same instance; anything else — no mark, another installation's run, a
 * forged change — is foreign, and the driver refuses to touch it.
 */
@Component
public class DomainOwners {
  private final RunRepository runs;

  public DomainOwners(RunRepository runs) {
    this.runs = runs;
  }

  /** The mark a domain this activity's run defines for {@code instance} carries. */
  public DomainOwner ofThisRun(String instance) {
    String runId = Activity.getExecutionContext().getInfo().getWorkflowId();
    String change = runs.find(runId).map(Run::changeId).orElse(runId);
    return new DomainOwner(runId, change, instance);
  }

  /** The owner a teardown of {@code instance} checks the existing domain against. */
  public DomainOwner forTeardown(String instance, DomainIdentity existing) {
    return existing
        .owner()
        .filter(mark -> mark.instance().equals(instance))
        .filter(
            mark ->
                runs.find(mark.run()).filter(r -> r.changeId().equals(mark.change())).isPresent())
        .orElseGet(() -> ofThisRun(instance));
  }
}
