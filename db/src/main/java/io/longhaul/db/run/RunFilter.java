package io.longhaul.db.run;

import io.longhaul.contracts.vocabulary.RunStatus;
import java.time.OffsetDateTime;

/**
 * Optional filters for listing runs; null means "any". Times bound {@code created_at}; {@code
 * rerunOf} lists the re-runs of one run.
 */
public record RunFilter(
    RunStatus status,
    String operation,
    String siteCode,
    String requestedBy,
    OffsetDateTime from,
    OffsetDateTime to,
    String rerunOf) {

  public RunFilter(
      RunStatus status,
      String operation,
      String siteCode,
      String requestedBy,
      OffsetDateTime from,
      OffsetDateTime to) {
    this(status, operation, siteCode, requestedBy, from, to, null);
  }

  public static RunFilter any() {
    return new RunFilter(null, null, null, null, null, null, null);
  }
}
