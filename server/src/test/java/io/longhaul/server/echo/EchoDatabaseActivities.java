package io.longhaul.server.echo;

import io.temporal.activity.ActivityInterface;

/** A step that writes to Longhaul's own PostgreSQL, run as a local activity as such steps are. */
@ActivityInterface
public interface EchoDatabaseActivities {
  /**
   * {@code refuse}: an insert that a check constraint refuses; {@code locked:<user>}: a row lock
   * taken without waiting, refused while someone else holds it (a retryable error); anything else
   * succeeds.
   */
  String write(String mode);
}
