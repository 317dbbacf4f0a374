package io.longhaul.db.run;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * The position after the last run of a page: (created_at, id). Opaque to clients, so the pagination
 * scheme can change without breaking them.
 */
record RunCursor(OffsetDateTime createdAt, String id) {

  String encode() {
    String raw = createdAt + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  static RunCursor decode(String token) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new RunCursor(OffsetDateTime.parse(raw.substring(0, bar)), raw.substring(bar + 1));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cursor is not one this server issued");
    }
  }
}
