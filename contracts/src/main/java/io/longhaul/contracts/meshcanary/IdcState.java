package io.longhaul.contracts.meshcanary;

import java.util.List;

/**
 * An IDC as its clusters tell it: the primary, the remotes, the Prometheus, which of them did not
 * answer, and the meshed namespaces ({@code <cluster>/<namespace>}, sorted) with their label.
 */
public record IdcState(
    String idc,
    String primary,
    List<String> remotes,
    String prometheus,
    List<String> unreachable,
    List<String> namespaces,
    java.util.Map<String, String> labels) {

  public boolean healthy() {
    return unreachable.isEmpty();
  }
}
