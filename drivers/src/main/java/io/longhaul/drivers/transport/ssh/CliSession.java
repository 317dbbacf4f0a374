package io.longhaul.drivers.transport.ssh;

/** An open interactive CLI; each call sends one line and reads until the next prompt. */
public interface CliSession {

  /** Sends a command and returns its output; throws CommandRejected if the output is an error. */
  String run(String command);

  /** Sends a command and returns its output without checking for errors. */
  String send(String command);

  /** The prompt seen after the last command (e.g. {@code leaf1(config-if)#}). */
  String prompt();
}
