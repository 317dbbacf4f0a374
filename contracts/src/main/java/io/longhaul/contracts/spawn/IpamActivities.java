package io.longhaul.contracts.spawn;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** Longhaul's IPAM in PostgreSQL; runs on the workflow queue. Every method is idempotent. */
@ActivityInterface
public interface IpamActivities {
  PortLease allocatePort(AllocateRequest request);

  List<PortLease> allocatePorts(BulkAllocateRequest request);

  /** Binds the port and returns the binding it replaced. */
  PortBinding bindPort(BindPortRequest request);

  /** Puts a binding back, e.g. when a re-bind is compensated. */
  void restoreBinding(PortBinding previous);

  void activatePort(BindPortRequest request);

  /** True when the port was released (or was already gone). */
  boolean releasePort(ReleasePortRequest request);
}
