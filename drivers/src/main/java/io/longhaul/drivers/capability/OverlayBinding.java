package io.longhaul.drivers.capability;

import java.util.List;

/**
 * Applies and removes overlay bindings on one switch, transactionally and idempotently: one
 * configuration session per batch, only for what is missing, verified by reading back, and rolled
 * back on any failure so the device is left exactly as before.
 */
public interface OverlayBinding {

  /** Ensures every binding is in place. */
  ChangeResult apply(String changeId, List<Binding> bindings);

  /**
   * Removes the interfaces' trunk membership of the bindings' VLANs and, when {@code dropVlans}
   * (the caller knows no one else uses them), the VLANs and their VNI mappings too.
   */
  ChangeResult remove(String changeId, List<Binding> bindings, boolean dropVlans);
}
