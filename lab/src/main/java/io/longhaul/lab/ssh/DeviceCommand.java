package io.longhaul.lab.ssh;

import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.fault.FaultController;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/** A shell or exec channel of a lab device, run on a virtual thread (sleeping costs no CPU). */
abstract class DeviceCommand implements Command {

  /** Thrown to end the channel (and the connection) abruptly, as a dropped link would. */
  static final class Dropped extends Exception {
    Dropped() {
      super(null, null, false, false);
    }
  }

  protected final String device;
  protected final FaultController faults;
  protected InputStream in;
  protected OutputStream out;
  protected OutputStream err;
  protected ExitCallback exit;
  protected ChannelSession channel;
  protected Environment env;
  private volatile boolean open = true;
  private Thread thread;

  DeviceCommand(String device, FaultController faults) {
    this.device = device;
    this.faults = faults;
  }

  @Override
  public void setInputStream(InputStream in) {
    this.in = in;
  }

  @Override
  public void setOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void setErrorStream(OutputStream err) {
    this.err = err;
  }

  @Override
  public void setExitCallback(ExitCallback callback) {
    this.exit = callback;
  }

  @Override
  public void start(ChannelSession channel, Environment env) {
    this.channel = channel;
    this.env = env;
    thread =
        Thread.ofVirtual()
            .name("lab-" + device)
            .start(
                () -> {
                  int code = 0;
                  try {
                    code = run();
                  } catch (Dropped e) {
                    drop();
                    return;
                  } catch (IOException | InterruptedException | RuntimeException e) {
                    code = 255;
                  } finally {
                    finish();
                  }
                  if (open) {
                    open = false;
                    exit.onExit(code);
                  }
                });
  }

  @Override
  public void destroy(ChannelSession channel) {
    open = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  /** The channel's work; returns the exit status. */
  protected abstract int run() throws IOException, InterruptedException, Dropped;

  /** Called once when run() ends, however it ends. */
  protected void finish() {}

  protected boolean isOpen() {
    return open;
  }

  /**
   * Applies the device's faults before answering {@code line}: Down and DropMidCommand end the
   * connection, Hang waits until cleared, Latency sleeps. Returns true when the command should fail
   * with the dialect's error (CommandFails).
   */
  protected boolean beforeAnswer(String line) throws InterruptedException, Dropped {
    return beforeAnswer(line, true);
  }

  /**
   * As {@link #beforeAnswer(String)}; {@code payLatency} false for a line that was already waiting
   * when the previous one was answered (typed ahead in the same write): the latency stands for the
   * trip to the device, which a burst of lines makes once, as an exec request does.
   */
  protected boolean beforeAnswer(String line, boolean payLatency)
      throws InterruptedException, Dropped {
    if (faults.has(device, Fault.Down.class)) {
      throw new Dropped();
    }
    faults.awaitNoHang(device, this::isOpen);
    Duration latency = faults.latency(device);
    if (payLatency && !latency.isZero()) {
      Thread.sleep(latency);
    }
    return faults.commandFails(device, line);
  }

  /** Writes the answer, garbled or cut short as the faults say. */
  protected void answer(OutputStream stream, String text) throws IOException, Dropped {
    if (faults.has(device, Fault.DropMidCommand.class)) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      stream.write(b, 0, b.length / 2);
      stream.flush();
      throw new Dropped();
    }
    if (faults.has(device, Fault.Garbage.class)) {
      text = FaultController.garble(text);
    }
    stream.write(text.getBytes(StandardCharsets.UTF_8));
    stream.flush();
  }

  private void drop() {
    open = false;
    try {
      channel.getSession().close(true);
    } catch (RuntimeException e) {
      // already closing
    }
  }
}
