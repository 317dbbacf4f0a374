package io.longhaul.drivers.capability;

import java.util.List;

/**
 * What a configuration change did.
 *
 * @param changed false when everything was already in place (no config session was opened)
 * @param commands the configuration commands sent, in order
 */
public record ChangeResult(String device, String changeId, boolean changed, List<String> commands) {
  public ChangeResult {
    commands = List.copyOf(commands);
  }
}
