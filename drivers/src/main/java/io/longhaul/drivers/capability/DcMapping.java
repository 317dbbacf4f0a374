package io.longhaul.drivers.capability;

import java.util.Map;

/**
 * Ctrip's user→DC mapping (shared by the NameNode and the RM proxy): which DC each user's and each
 * queue's jobs run in. Writes set values, so a repeated one is harmless.
 */
public interface DcMapping extends AutoCloseable {
  /** The DC of each user, null for a user with no entry. */
  Map<String, String> users(Iterable<String> users);

  Map<String, String> queues(Iterable<String> queues);

  void assignUser(String user, String dc);

  void assignQueue(String queue, String dc);

  @Override
  void close();
}
