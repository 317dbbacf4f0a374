package io.longhaul.contracts.discovery;

import java.util.List;

/** Reconcile a site's host links with the LLDP tables of all its leaves. */
public record ReconcileRequest(String changeId, String site, List<LldpTable> tables) {
  public ReconcileRequest {
    tables = List.copyOf(tables);
  }
}
