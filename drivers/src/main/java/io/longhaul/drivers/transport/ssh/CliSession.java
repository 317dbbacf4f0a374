package io.longhaul.drivers.transport.ssh;

import java.util.List;

/** An open interactive CLI; each call sends one line and reads until the next prompt. */
public interface CliSession {

  /** Sends a command and returns its output; throws CommandRejected if the output is an error. */
  String run(String command);

  /** Sends a command and returns its output without checking for errors. */
  String send(String command);

  /**
   * Sends the commands in one write, as typed ahead, and returns each one's output once the last is
   * answered: one round trip instead of one per line. Throws CommandRejected naming the first
   * command whose output is an error; the device has still run every command after it (it reads
   * them as they come), so use this only where a failure is undone as a whole (a checkpoint to roll
   * back to, a configuration session to abort).
   */
  List<String> runAll(List<String> commands);

  /** The prompt seen after the last command (e.g. {@code leaf1(config-if)#}). */
  String prompt();
}
