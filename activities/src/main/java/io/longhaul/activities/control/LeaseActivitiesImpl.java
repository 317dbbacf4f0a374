package io.longhaul.activities.control;

import io.longhaul.contracts.control.LeaseActivities;
import io.longhaul.contracts.control.LeaseGrant;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.control.LeaseRelease;
import io.longhaul.contracts.control.LeaseRequest;
import io.longhaul.db.control.LeaseRepository;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
public class LeaseActivitiesImpl implements LeaseActivities {
  private final LeaseRepository leases;

  public LeaseActivitiesImpl(LeaseRepository leases) {
    this.leases = leases;
  }

  @Override
  public LeaseGrant acquire(LeaseRequest r) {
    var a = leases.acquire(r.runId(), r.names(), r.policy() == LeasePolicy.WAIT);
    return new LeaseGrant(a.granted(), a.heldBy());
  }

  @Override
  public List<String> release(LeaseRelease r) {
    return leases.release(r.runId(), r.names());
  }
}
