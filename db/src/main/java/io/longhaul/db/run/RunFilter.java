package io.longhaul.db.run;

import java.time.OffsetDateTime;

/** Optional filters for listing runs; null means "any". Times bound {@code created_at}. */
public record RunFilter(
    RunStatus status,
    String operation,
    String siteCode,
    String requestedBy,
    OffsetDateTime from,
    OffsetDateTime to) {

  public static RunFilter any() {
    return new RunFilter(null, null, null, null, null, null);
  }
}
