package io.longhaul.drivers.capability;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Whose a domain is: the run that defined it, the run's change and the instance. It travels in the
 * domain's {@code <metadata>} ({@link #NAMESPACE}), so a domain Longhaul did not define (or that
 * another change defined under the same name) is never redefined, destroyed or undefined.
 */
public record DomainOwner(String run, String change, String instance) {

  /** The XML namespace of the ownership element in a domain's metadata. */
  public static final String NAMESPACE = "https://longhaul.io/xmlns/domain-owner/1";

  public DomainOwner {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(instance, "instance");
  }

  /**
   * Whether {@code mark} (read from a domain) names this change's instance. The run may differ: a
   * re-run shares its original's change and owns what the original defined.
   */
  public boolean owns(DomainOwner mark) {
    return mark != null && change.equals(mark.change) && instance.equals(mark.instance);
  }

  /**
   * The domain's UUID, named after the change and the instance: every retry and re-run of the
   * change defines the same domain, which real libvirt requires to redefine an existing name.
   */
  public UUID domainUuid() {
    return UUID.nameUUIDFromBytes(
        ("longhaul:" + change + ":" + instance).getBytes(StandardCharsets.UTF_8));
  }
}
