package io.longhaul.contracts.spawn;

import io.temporal.activity.ActivityInterface;

/**
 * A KVM host over SSH (virsh, ovs-vsctl); runs on the site queue. Every method is idempotent, so a
 * retry or a compensation of a step that never ran is harmless.
 */
@ActivityInterface
public interface HypervisorActivities {
  /** Creates its boot volumes (overlay and seed), defines the domain and starts it. */
  void defineAndStart(DomainRequest request);

  /** Stops and undefines the domain and deletes its boot volumes; absent is fine. */
  void destroyDomain(DomainRef domain);

  void plug(PlugRequest request);

  void unplug(PlugRequest request);

  DomainStatus domainStatus(DomainRequest request);
}
