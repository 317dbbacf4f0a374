package io.longhaul.drivers.transport;

/**
 * Called on the caller's thread while a long read is in progress, so an activity can heartbeat. It
 * may throw (Temporal throws when the activity was cancelled); the transport then abandons the read
 * and rethrows.
 */
@FunctionalInterface
public interface Heartbeat {
  Heartbeat NONE = progress -> {};

  /**
   * @param progress bytes read so far in the current command
   */
  void beat(long progress);
}
