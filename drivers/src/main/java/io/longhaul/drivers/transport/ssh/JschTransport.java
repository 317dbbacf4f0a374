package io.longhaul.drivers.transport.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.transport.Heartbeat;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link SshTransport} over JSch: pooled sessions per device, strict host key checking. */
public final class JschTransport implements SshTransport {
  private static final Logger log = LoggerFactory.getLogger(JschTransport.class);

  private final SshOptions options;
  private final ConcurrentMap<String, DevicePool> pools = new ConcurrentHashMap<>();
  private final KnownHostsFile knownHosts;
  private final AtomicInteger connected = new AtomicInteger();

  public JschTransport(SshOptions options) {
    this.options = options;
    this.knownHosts = new KnownHostsFile(options.knownHosts());
  }

  /** SSH sessions connected now, over all devices (borrowed by a command or idle in a pool). */
  public int connectedSessions() {
    return connected.get();
  }

  @Override
  public Duration commandTimeout() {
    return options.commandTimeout();
  }

  @Override
  public ExecResult exec(SshEndpoint endpoint, String command, byte[] stdin, Heartbeat heartbeat) {
    DevicePool pool = pool(endpoint);
    Session session = pool.borrow(command, heartbeat);
    boolean healthy = false;
    ChannelExec channel = null;
    try {
      channel = (ChannelExec) session.openChannel("exec");
      channel.setCommand(command);
      var out = new StreamSink();
      var err = new StreamSink();
      channel.setOutputStream(out);
      channel.setErrStream(err);
      OutputStream in = channel.getOutputStream();
      channel.connect((int) options.connectTimeout().toMillis());
      if (stdin != null) {
        in.write(stdin);
        in.flush();
      }
      in.close(); // EOF: commands reading stdin (virsh define /dev/stdin) finish
      awaitExit(endpoint.device(), command, session, channel, out, heartbeat);
      int status = exitStatus(channel);
      healthy = true;
      log.debug("{} exec '{}' -> {}", endpoint.device(), command, status);
      return new ExecResult(command, status, out.text(), err.text());
    } catch (JSchException e) {
      throw new DeviceException.Unreachable(endpoint.device(), command, "channel: " + e, e);
    } catch (IOException e) {
      throw new DeviceException.Unreachable(endpoint.device(), command, "io: " + e, e);
    } finally {
      if (channel != null) {
        channel.disconnect();
      }
      pool.release(session, healthy);
    }
  }

  @Override
  public <T> T cli(SshEndpoint endpoint, CliProfile profile, Heartbeat heartbeat, CliWork<T> work) {
    DevicePool pool = pool(endpoint);
    Session session = pool.borrow("(shell)", heartbeat);
    boolean healthy = false;
    JschCliSession cli = null;
    boolean done = false;
    try {
      cli = pool.takeShell(session, profile);
      if (cli == null) {
        cli = openShell(endpoint, session, profile, heartbeat);
      } else {
        cli.bind(heartbeat);
      }
      try {
        T result = work.run(cli);
        healthy = true;
        done = true;
        return result;
      } catch (DeviceException.CommandRejected
          | DeviceException.VerificationFailed
          | DeviceException.InvalidParameter e) {
        healthy = true; // the device answered; the session itself is fine
        throw e;
      }
    } catch (JSchException e) {
      throw new DeviceException.Unreachable(endpoint.device(), "(shell)", "channel: " + e, e);
    } catch (IOException e) {
      throw new DeviceException.Unreachable(endpoint.device(), "(shell)", "io: " + e, e);
    } finally {
      if (cli != null) {
        if (done) {
          // Only after work that went through: after a failure the shell's state is not known.
          pool.keepShell(session, cli);
        } else {
          cli.close();
        }
      }
      pool.release(session, healthy);
    }
  }

  private JschCliSession openShell(
      SshEndpoint endpoint, Session session, CliProfile profile, Heartbeat heartbeat)
      throws JSchException, IOException {
    var channel = (ChannelShell) session.openChannel("shell");
    boolean started = false;
    try {
      channel.setPtyType("vt100", 511, 24, 0, 0);
      var sink = new StreamSink();
      channel.setOutputStream(sink);
      channel.setExtOutputStream(sink);
      OutputStream toDevice = channel.getOutputStream();
      channel.connect((int) options.connectTimeout().toMillis());
      var cli =
          new JschCliSession(
              endpoint.device(), session, channel, toDevice, sink, profile, options, heartbeat);
      cli.start();
      cli.setupWithFirstCommand(profile.setup());
      started = true;
      return cli;
    } finally {
      if (!started) {
        channel.disconnect();
      }
    }
  }

  private void awaitExit(
      String device,
      String command,
      Session session,
      ChannelExec channel,
      StreamSink out,
      Heartbeat heartbeat) {
    long start = System.nanoTime();
    long deadline = start + options.commandTimeout().toNanos();
    long beatEvery = options.heartbeatInterval().toNanos();
    long nextBeat = start + beatEvery;
    int seen = 0;
    try {
      while (!channel.isClosed()) {
        if (!session.isConnected()) {
          break;
        }
        long now = System.nanoTime();
        if (now >= deadline) {
          throw new DeviceException.TimedOut(
              device, command, "no exit within " + options.commandTimeout(), null);
        }
        if (now >= nextBeat) {
          heartbeat.beat(out.size());
          nextBeat = now + beatEvery;
        }
        if (out.closed()) {
          // EOF seen; exit-status and close follow within moments
          Thread.sleep(1);
        } else {
          long slice = Math.min(Math.min(deadline, nextBeat) - now, 50_000_000L);
          out.awaitBeyond(seen, slice);
          seen = out.size();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeviceException.Cancelled(device, command, e);
    }
    if (exitStatus(channel) < 0) {
      throw new DeviceException.Unreachable(device, command, "connection closed mid-command", null);
    }
  }

  /**
   * The exit status, or for a command killed by a signal (OpenSSH reports {@code exit-signal}, not
   * {@code exit-status}) 128 + the signal's number, as a shell reports it; -1 when neither came.
   */
  static int exitStatus(ChannelExec channel) {
    int status = channel.getExitStatus();
    String signal = channel.getExitSignal();
    if (status >= 0 || signal == null) {
      return status;
    }
    return 128
        + switch (signal) {
          case "HUP" -> 1;
          case "INT" -> 2;
          case "QUIT" -> 3;
          case "ABRT" -> 6;
          case "KILL" -> 9;
          case "SEGV" -> 11;
          case "PIPE" -> 13;
          case "ALRM" -> 14;
          default -> 15; // TERM and anything without a fixed number
        };
  }

  private DevicePool pool(SshEndpoint endpoint) {
    return pools.computeIfAbsent(
        endpoint.poolKey(), k -> new DevicePool(endpoint, options, knownHosts, connected));
  }

  @Override
  public void close() {
    pools.values().forEach(DevicePool::close);
    pools.clear();
  }
}
