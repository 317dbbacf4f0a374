package io.longhaul.dsl.model;

import java.util.List;
import java.util.Map;

/**
 * A parsed, validated runbook: what a run pins in its input, so its history holds exactly what ran.
 * {@code params} is the JSON Schema of its parameters; {@code siteParam} names the parameter
 * holding the site whose devices its actions reach; {@code scopes} are the maintenance-window
 * scopes its {@code window} blocks default to; {@code leases} are held for the whole run.
 */
public record Runbook(
    String name,
    String title,
    String description,
    Map<String, Object> params,
    String siteParam,
    List<String> scopes,
    List<String> leases,
    List<RunbookStep> steps) {

  public Runbook {
    params = params == null ? Map.of("type", "object") : params;
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    leases = leases == null ? List.of() : List.copyOf(leases);
    steps = List.copyOf(steps);
  }
}
