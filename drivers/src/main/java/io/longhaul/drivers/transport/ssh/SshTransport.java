package io.longhaul.drivers.transport.ssh;

import io.longhaul.drivers.transport.Heartbeat;
import java.time.Duration;

/**
 * Runs commands on SSH servers. Implementations verify host keys, bound concurrent sessions per
 * device, honour interrupts and throw {@link io.longhaul.drivers.DeviceException}s.
 */
public interface SshTransport extends AutoCloseable {

  /** Runs one command on an exec channel, writing {@code stdin} (may be null) and closing it. */
  ExecResult exec(SshEndpoint endpoint, String command, byte[] stdin, Heartbeat heartbeat);

  /** As {@link #exec(SshEndpoint, String, byte[], Heartbeat)} with no stdin or heartbeat. */
  default ExecResult exec(SshEndpoint endpoint, String command) {
    return exec(endpoint, command, null, Heartbeat.NONE);
  }

  /** Opens an interactive shell, runs the profile's setup, then {@code work}; always closes. */
  <T> T cli(SshEndpoint endpoint, CliProfile profile, Heartbeat heartbeat, CliWork<T> work);

  /** The per-command timeout this transport applies. */
  Duration commandTimeout();

  @Override
  void close();
}
