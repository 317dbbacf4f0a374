package io.longhaul.drivers.transport.ssh;

import com.jcraft.jsch.ChannelShell;
import com.jcraft.jsch.Session;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.transport.Heartbeat;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * A shell channel driven line by line (write a command, read until the prompt comes back) or a
 * block at a time. It may serve several works on one device in turn (see {@link DevicePool}).
 */
final class JschCliSession implements CliSession {
  private static final int PROMPT_TAIL = 512;

  private final String device;
  private final Session session;
  private final ChannelShell channel;
  private final OutputStream toDevice;
  private final StreamSink fromDevice;
  private final CliProfile profile;
  private final SshOptions options;
  private Heartbeat heartbeat;
  private String prompt = "";
  private String loginPrompt;
  private List<String> pendingSetup = List.of();

  JschCliSession(
      String device,
      Session session,
      ChannelShell channel,
      OutputStream toDevice,
      StreamSink fromDevice,
      CliProfile profile,
      SshOptions options,
      Heartbeat heartbeat) {
    this.device = device;
    this.session = session;
    this.channel = channel;
    this.toDevice = toDevice;
    this.fromDevice = fromDevice;
    this.profile = profile;
    this.options = options;
    this.heartbeat = heartbeat;
  }

  @Override
  public String run(String command) {
    String output = send(command);
    if (profile.error().matcher(output).find()) {
      throw new DeviceException.CommandRejected(device, command, output);
    }
    return output;
  }

  @Override
  public String send(String command) {
    return exchange(List.of(command)).getFirst();
  }

  @Override
  public List<String> runAll(List<String> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    var outputs = exchange(commands);
    for (int i = 0; i < commands.size(); i++) {
      if (profile.error().matcher(outputs.get(i)).find()) {
        throw new DeviceException.CommandRejected(device, commands.get(i), outputs.get(i));
      }
    }
    return outputs;
  }

  /**
   * The profile's setup (paging off) goes out with the first command instead of on its own: the CLI
   * runs it first all the same, and the session saves a round trip.
   */
  void setupWithFirstCommand(List<String> setup) {
    pendingSetup = List.copyOf(setup);
  }

  /** Writes any pending setup and the commands in one write; returns the commands' outputs. */
  private List<String> exchange(List<String> commands) {
    var lines = new ArrayList<String>(pendingSetup);
    int setup = lines.size();
    pendingSetup = List.of();
    lines.addAll(commands);
    lines.forEach(this::requireOneLine);
    int from = fromDevice.size();
    write(String.join("\n", lines) + "\n", lines.getFirst());
    List<String> outputs =
        lines.size() == 1
            ? List.of(stripEcho(awaitPrompt(lines.getFirst(), from), lines.getFirst()))
            : awaitAnswers(lines, from);
    for (int i = 0; i < setup; i++) {
      if (profile.error().matcher(outputs.get(i)).find()) {
        throw new DeviceException.CommandRejected(device, lines.get(i), outputs.get(i));
      }
    }
    return outputs.subList(setup, outputs.size());
  }

  /** Reads until every one of {@code lines}, typed ahead from {@code from}, is answered. */
  private List<String> awaitAnswers(List<String> lines, int from) {
    String before = prompt;
    var wait = new Wait(lines.getFirst(), from);
    int answered = 0;
    while (true) {
      int size = fromDevice.size();
      if (size > wait.seen) {
        var batch =
            BatchAnswers.parse(
                normalize(fromDevice.textFrom(from)), lines, before, profile.prompt());
        if (batch.complete(lines.size())) {
          prompt = batch.prompt();
          return batch.outputs();
        }
        if (batch.answered() > answered) {
          // Each answer restarts the clock: the timeout is per command, as for run().
          answered = batch.answered();
          wait = wait.next(lines.get(answered));
        }
        wait.seen = size;
      }
      wait.pause(size);
    }
  }

  @Override
  public String prompt() {
    return prompt;
  }

  /** Reads the banner and first prompt. */
  void start() {
    awaitPrompt("(login)", 0);
    loginPrompt = prompt;
  }

  /** Hands the shell to the next work on this device, with that work's heartbeat. */
  void bind(Heartbeat next) {
    heartbeat = next;
  }

  /**
   * True when the shell can serve the next work as if freshly opened: same dialect, channel open,
   * and back at the prompt it showed at login (not left in a configuration mode).
   */
  boolean reusable(CliProfile forProfile) {
    return profile.equals(forProfile)
        && prompt.equals(loginPrompt)
        && channel.isConnected()
        && !channel.isClosed()
        && session.isConnected()
        && !fromDevice.closed();
  }

  /** Drops what was read so far; a kept shell must not grow without bound. */
  void forgetOutput() {
    fromDevice.clear();
  }

  void close() {
    channel.disconnect();
  }

  CliProfile profile() {
    return profile;
  }

  private void requireOneLine(String command) {
    if (command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
      // Dialects validate their parameters; this is the last line of defence.
      throw new DeviceException.InvalidParameter(device, "command", "contains a line break");
    }
  }

  private void write(String text, String command) {
    try {
      toDevice.write(text.getBytes(StandardCharsets.UTF_8));
      toDevice.flush();
    } catch (IOException e) {
      throw new DeviceException.Unreachable(device, command, "write failed: " + e, e);
    }
  }

  private String awaitPrompt(String command, int from) {
    var wait = new Wait(command, from);
    while (true) {
      int size = fromDevice.size();
      if (size > wait.seen) {
        String tail = normalize(fromDevice.textFrom(Math.max(from, size - PROMPT_TAIL)));
        Matcher m = profile.prompt().matcher(tail);
        if (m.find()) {
          prompt = m.group(1);
          String all = normalize(fromDevice.textFrom(from));
          return all.substring(0, all.length() - (tail.length() - m.start(1)));
        }
        wait.seen = size;
      }
      wait.pause(size);
    }
  }

  /**
   * One wait for a command's answer: its deadline, heartbeats, and how much output has been looked
   * at ({@code seen}).
   */
  private final class Wait {
    private final String command;
    private final int from;
    private final long deadline;
    private final long beatEvery = options.heartbeatInterval().toNanos();
    private long nextBeat;
    int seen;

    Wait(String command, int from) {
      this.command = command;
      this.from = from;
      long now = System.nanoTime();
      this.deadline = now + options.commandTimeout().toNanos();
      this.nextBeat = now + beatEvery;
      this.seen = from;
    }

    /** The wait for the next command of a batch: a fresh deadline, the same output. */
    Wait next(String nextCommand) {
      var w = new Wait(nextCommand, from);
      w.seen = seen;
      return w;
    }

    /** Waits for more output; throws if the connection closed or the deadline passed. */
    void pause(int size) {
      if (fromDevice.closed() || channel.isClosed() || !session.isConnected()) {
        throw new DeviceException.Unreachable(
            device, command, "connection closed mid-command", null);
      }
      long now = System.nanoTime();
      if (now >= deadline) {
        if (size > from) {
          // The device answered, but in nothing we recognise: waiting longer will not help.
          String tail = normalize(fromDevice.textFrom(Math.max(from, size - 120)));
          throw new DeviceException.VerificationFailed(
              device,
              command,
              "output did not end with a recognised prompt: ..."
                  + io.longhaul.drivers.Printable.escape(tail, 120));
        }
        throw new DeviceException.TimedOut(
            device, command, "no prompt within " + options.commandTimeout(), null);
      }
      if (now >= nextBeat) {
        heartbeat.beat(size - from);
        nextBeat = now + beatEvery;
      }
      try {
        fromDevice.awaitBeyond(seen, Math.min(deadline, nextBeat) - now);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeviceException.Cancelled(device, command, e);
      }
    }
  }

  static String normalize(String text) {
    return text.replace("\r\n", "\n").replace("\r", "");
  }

  /** Terminals echo what we typed; the output starts after the echoed line. */
  static String stripEcho(String output, String command) {
    int nl = output.indexOf('\n');
    String first = nl < 0 ? output : output.substring(0, nl);
    if (!command.isEmpty() && first.strip().endsWith(command.strip())) {
      return nl < 0 ? "" : output.substring(nl + 1);
    }
    return output;
  }
}
