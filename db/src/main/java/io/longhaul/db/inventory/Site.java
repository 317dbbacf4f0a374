package io.longhaul.db.inventory;

import java.time.OffsetDateTime;

public record Site(long id, String code, String name, String timeZone, OffsetDateTime createdAt) {

  /** What a caller supplies to create or update a site. */
  public record Spec(String code, String name, String timeZone) {}
}
