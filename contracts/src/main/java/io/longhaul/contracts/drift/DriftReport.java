package io.longhaul.contracts.drift;

import java.util.List;

/**
 * One check of a site.
 *
 * @param changed instances whose state the check changed ("vm-1: active -> degraded (...)")
 * @param drifting instances not active after the check, with what was seen
 * @param unaccounted domains no instance accounts for ("sha-hv03/db-legacy (running, no mark)")
 * @param unreachable hypervisors that could not be read (their instances keep their state)
 */
public record DriftReport(
    String site,
    long checks,
    List<String> changed,
    List<String> drifting,
    List<String> unaccounted,
    List<String> unreachable) {
  public DriftReport {
    changed = List.copyOf(changed);
    drifting = List.copyOf(drifting);
    unaccounted = List.copyOf(unaccounted);
    unreachable = List.copyOf(unreachable);
  }
}
