package io.longhaul.activities.spawn;

import io.longhaul.db.instance.Instance;
import io.longhaul.db.instance.InstanceRepository;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import io.longhaul.drivers.capability.DomainIdentity;
import io.longhaul.drivers.capability.DomainOwner;
import io.temporal.activity.Activity;
import java.util.List;
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
  private final InstanceRepository instances;

  public DomainOwners(RunRepository runs, InstanceRepository instances) {
    this.runs = runs;
    this.instances = instances;
  }

  /**
   * Whose boot volumes a teardown of {@code instance} removes when its domain is gone (destroyed by
   * hand, say): this run's change's, and — only while the instance is being deleted — those of the
   * spawns of that name this installation ran (a volume's name carries its change's UUID, so only
   * their volumes match). A spawn's undo never takes another change's volumes.
   */
  public List<DomainOwner> volumeOwners(String instance) {
    var out = new java.util.ArrayList<DomainOwner>();
    out.add(ofThisRun(instance));
    boolean deleting =
        instances.findByName(instance).filter(i -> Instance.DELETING.equals(i.state())).isPresent();
    if (deleting) {
      for (String change : runs.changesNaming("instance-spawn", instance)) {
        out.add(new DomainOwner(change, change, instance));
      }
    }
    return out;
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
