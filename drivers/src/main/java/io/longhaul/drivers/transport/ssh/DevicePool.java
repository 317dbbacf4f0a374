package io.longhaul.drivers.transport.ssh;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.transport.Heartbeat;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions of one server and user: a semaphore bounds how many run at once, and idle connected
 * sessions (with the shell each may keep open) wait for the next command when reuse is on.
 */
final class DevicePool {
  private static final long WAIT_SLICE_MILLIS = 1_000;
  private static final TimeUnit MS = TimeUnit.MILLISECONDS;
  private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("jsch-", 0).factory();

  private final SshEndpoint endpoint;
  private final SshOptions options;
  private final JSch jsch;
  private final Semaphore permits;
  private final Deque<Session> idle = new ArrayDeque<>();
  // A shell left at its login prompt by the last work on a session, kept for the next one: saves
  // the channel open, pty and shell requests, banner and paging setup. Guarded by idle.
  private final Map<Session, JschCliSession> shells = new HashMap<>();
  private final KnownHostsFile knownHosts;
  // Connected sessions of every pool of the transport (borrowed or idle), for its metrics.
  private final AtomicInteger connected;
  // the known_hosts the idle sessions were trusted by; guarded by idle
  private HostKeyRepository trustedBy;

  DevicePool(
      SshEndpoint endpoint,
      SshOptions options,
      KnownHostsFile knownHosts,
      AtomicInteger connected) {
    this.endpoint = endpoint;
    this.connected = connected;
    this.options = options;
    this.permits = new Semaphore(options.maxSessionsPerDevice(), true);
    this.knownHosts = knownHosts;
    this.jsch = new JSch();
    try {
      var login = endpoint.login();
      if (login.privateKey() != null) {
        // JSch copies the arrays it is given and may clear them; the login keeps its own
        jsch.addIdentity(
            login.username(),
            login.privateKey().clone(),
            null,
            login.passphrase() == null ? null : login.passphrase().clone());
      }
    } catch (JSchException e) {
      throw new DeviceException.AuthenticationFailed(
          endpoint.device(), "cannot load the private key: " + e.getMessage(), e);
    }
  }

  /**
   * The host keys to check a new connection against, as known_hosts says now. When the file has
   * changed since the idle sessions were opened, they are closed: each was trusted on a key the
   * file may no longer hold.
   */
  private HostKeyRepository trustNow() {
    HostKeyRepository now;
    try {
      now = knownHosts.current();
    } catch (JSchException e) {
      throw new DeviceException.AuthenticationFailed(
          endpoint.device(), "cannot read known hosts: " + e.getMessage(), e);
    }
    synchronized (idle) {
      if (now != trustedBy) {
        shells.values().forEach(JschCliSession::close);
        shells.clear();
        disconnectIdle();
        trustedBy = now;
      }
    }
    return now;
  }

  /**
   * Takes a permit and a connected session; the caller must {@link #release} it. Waiting for a
   * permit heartbeats every second: a burst of work on one device queues here, and the queued
   * callers are alive, not stuck, so their activities must not time out while they wait.
   */
  Session borrow(String command, Heartbeat heartbeat) {
    try {
      long deadline = System.nanoTime() + options.commandTimeout().toNanos();
      while (!permits.tryAcquire(Math.min(WAIT_SLICE_MILLIS, remainingMillis(deadline)), MS)) {
        if (remainingMillis(deadline) <= 0) {
          throw new DeviceException.TimedOut(
              endpoint.device(),
              command,
              "all " + options.maxSessionsPerDevice() + " sessions busy",
              null);
        }
        heartbeat.beat(0);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeviceException.Cancelled(endpoint.device(), command, e);
    }
    try {
      HostKeyRepository trust = trustNow();
      Session reused = takeIdle();
      return reused != null ? reused : open(trust);
    } catch (RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  /** Returns a session; a broken or non-reusable one is closed, with any shell kept on it. */
  void release(Session session, boolean healthy) {
    try {
      if (healthy && options.reuseSessions() && session.isConnected()) {
        synchronized (idle) {
          idle.push(session);
        }
      } else {
        JschCliSession shell;
        synchronized (idle) {
          shell = shells.remove(session);
        }
        if (shell != null) {
          shell.close();
        }
        session.disconnect();
        connected.decrementAndGet();
      }
    } finally {
      permits.release();
    }
  }

  /** The shell an earlier work left open on this borrowed session, if it can serve this one. */
  JschCliSession takeShell(Session session, CliProfile profile) {
    JschCliSession shell;
    synchronized (idle) {
      shell = shells.remove(session);
    }
    if (shell != null && !shell.reusable(profile)) {
      shell.close();
      return null;
    }
    return shell;
  }

  /** Keeps a shell at its login prompt for the next work on this session (before release). */
  void keepShell(Session session, JschCliSession shell) {
    if (!options.reuseSessions() || !shell.reusable(shell.profile())) {
      shell.close();
      return;
    }
    shell.forgetOutput();
    synchronized (idle) {
      shells.put(session, shell);
    }
  }

  void close() {
    synchronized (idle) {
      shells.values().forEach(JschCliSession::close);
      shells.clear();
      disconnectIdle();
    }
  }

  private static long remainingMillis(long deadlineNanos) {
    return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
  }

  /** Guarded by idle. */
  private void disconnectIdle() {
    idle.forEach(Session::disconnect);
    connected.addAndGet(-idle.size());
    idle.clear();
  }

  private Session takeIdle() {
    synchronized (idle) {
      while (!idle.isEmpty()) {
        Session s = idle.pop();
        if (s.isConnected()) {
          return s;
        }
        connected.decrementAndGet(); // dropped by the device while idle
      }
      return null;
    }
  }

  private Session open(HostKeyRepository trust) {
    var login = endpoint.login();
    try {
      Session session = jsch.getSession(login.username(), endpoint.host(), endpoint.port());
      session.setHostKeyRepository(trust);
      session.setThreadFactory(VIRTUAL);
      session.setDaemonThread(true);
      // Never accept an unknown or changed host key: known_hosts is the only trust anchor.
      session.setConfig("StrictHostKeyChecking", "yes");
      String kex = String.join(",", options.kex());
      session.setConfig("kex", kex);
      session.setConfig("CheckKexes", kex);
      session.setConfig(
          "server_host_key", "ssh-ed25519,ecdsa-sha2-nistp256,rsa-sha2-512,rsa-sha2-256");
      if (login.password() != null) {
        session.setPassword(login.password());
        session.setConfig("PreferredAuthentications", "password,keyboard-interactive");
      } else {
        session.setConfig("PreferredAuthentications", "publickey");
      }
      session.connect((int) options.connectTimeout().toMillis());
      connected.incrementAndGet();
      return session;
    } catch (JSchException e) {
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new DeviceException.Cancelled(endpoint.device(), "", e);
      }
      throw Failures.connect(endpoint.device(), e);
    }
  }
}
