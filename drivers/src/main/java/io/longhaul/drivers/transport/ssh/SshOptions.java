package io.longhaul.drivers.transport.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * SSH transport settings.
 *
 * @param knownHosts OpenSSH known_hosts file; host keys are always checked against it
 * @param kex key exchanges offered, in order; explicit because probing every one costs seconds
 * @param maxSessionsPerDevice concurrent sessions (each running one command) per server and user
 * @param reuseSessions keep idle sessions for the next command (devices that allow it)
 */
public record SshOptions(
    Path knownHosts,
    Duration connectTimeout,
    Duration commandTimeout,
    int maxSessionsPerDevice,
    boolean reuseSessions,
    List<String> kex,
    Duration heartbeatInterval) {

  public static final List<String> DEFAULT_KEX =
      List.of(
          "curve25519-sha256",
          "curve25519-sha256@libssh.org",
          "ecdh-sha2-nistp256",
          "diffie-hellman-group14-sha256");

  public SshOptions {
    Objects.requireNonNull(knownHosts, "knownHosts");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    kex = List.copyOf(kex);
    if (maxSessionsPerDevice < 1) {
      throw new IllegalArgumentException("maxSessionsPerDevice must be at least 1");
    }
    if (kex.isEmpty()) {
      throw new IllegalArgumentException("at least one key exchange");
    }
  }

  /** Defaults: 5 s connect, 30 s per command, 4 sessions per device, reuse on, 5 s heartbeats. */
  public static SshOptions defaults(Path knownHosts) {
    return new SshOptions(
        knownHosts,
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        4,
        true,
        DEFAULT_KEX,
        Duration.ofSeconds(5));
  }

  public SshOptions withCommandTimeout(Duration timeout) {
    return new SshOptions(
        knownHosts,
        connectTimeout,
        timeout,
        maxSessionsPerDevice,
        reuseSessions,
        kex,
        heartbeatInterval);
  }

  public SshOptions withConnectTimeout(Duration timeout) {
    return new SshOptions(
        knownHosts,
        timeout,
        commandTimeout,
        maxSessionsPerDevice,
        reuseSessions,
        kex,
        heartbeatInterval);
  }

  public SshOptions withReuseSessions(boolean reuse) {
    return new SshOptions(
        knownHosts,
        connectTimeout,
        commandTimeout,
        maxSessionsPerDevice,
        reuse,
        kex,
        heartbeatInterval);
  }

  public SshOptions withMaxSessionsPerDevice(int max) {
    return new SshOptions(
        knownHosts, connectTimeout, commandTimeout, max, reuseSessions, kex, heartbeatInterval);
  }
}
