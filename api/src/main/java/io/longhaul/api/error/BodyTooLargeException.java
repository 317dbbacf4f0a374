package io.longhaul.api.error;

import java.io.IOException;

/**
 * A request body grew past the cap while it was read; nothing of it was used. An IOException, so it
 * travels through the JSON reader to the problem handler, which answers 413.
 */
public final class BodyTooLargeException extends IOException {
  public BodyTooLargeException(long maxBytes) {
    super("request body is larger than " + maxBytes + " bytes");
  }
}
