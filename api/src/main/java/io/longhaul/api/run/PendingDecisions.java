package io.longhaul.api.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.longhaul.contracts.control.PendingDecision;
import java.time.Instant;
import java.util.List;

/** Reads the pending decisions a workflow mirrored into its run record. */
final class PendingDecisions {
  private PendingDecisions() {}

  static List<PendingDecision> parse(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      return List.of(RunService.JSON.readValue(json, PendingDecision[].class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored pending decisions are not readable", e);
    }
  }

  static List<PendingView> views(String json, Instant now) {
    return parse(json).stream()
        .map(
            p ->
                new PendingView(
                    p.kind(),
                    p.step(),
                    p.target(),
                    p.attempt(),
                    p.errorType(),
                    p.errorMessage(),
                    p.skippable(),
                    p.plan(),
                    p.role(),
                    Instant.ofEpochMilli(p.sinceMillis()),
                    p.expiresAtMillis() == null ? null : Instant.ofEpochMilli(p.expiresAtMillis()),
                    Math.max(0, (now.toEpochMilli() - p.sinceMillis()) / 1000)))
        .toList();
  }
}
