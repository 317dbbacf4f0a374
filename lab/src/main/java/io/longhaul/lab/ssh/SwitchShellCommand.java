package io.longhaul.lab.ssh;

import io.longhaul.lab.device.CliResult;
import io.longhaul.lab.device.SwitchCli;
import io.longhaul.lab.device.SwitchState;
import io.longhaul.lab.fault.FaultController;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An interactive switch CLI: banner, prompt, one command per line; echoes when a pty exists. Lines
 * typed ahead in one write pay the device latency once, like the same lines sent as one exec.
 */
final class SwitchShellCommand extends DeviceCommand {
  private final SwitchCli cli;

  SwitchShellCommand(SwitchState state, FaultController faults) {
    super(state.name(), faults);
    this.cli = SwitchCli.forSwitch(state);
  }

  @Override
  protected int run() throws IOException, InterruptedException, Dropped {
    boolean echo = !env.getPtyModes().isEmpty();
    write(cli.banner() + cli.prompt());
    StringBuilder line = new StringBuilder();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int prev = -1;
    boolean typedAhead = false;
    while (isOpen()) {
      int c = in.read();
      if (c < 0) {
        return 0;
      }
      if (c == '\n' && prev == '\r') {
        prev = c;
        continue;
      }
      prev = c;
      if (c == '\r' || c == '\n') {
        line.append(bytes.toString(StandardCharsets.UTF_8));
        bytes.reset();
        String cmd = line.toString();
        line.setLength(0);
        if (echo) {
          write(cmd + "\n");
        }
        boolean fails = !cmd.isBlank() && beforeAnswer(cmd, !typedAhead);
        CliResult r;
        if (fails) {
          cli.execute(""); // keep the prompt; the command never reaches the device
          r = new CliResult(cli.rejection(cmd), true, false);
        } else {
          r = cli.execute(cmd);
        }
        if (r.close()) {
          answer(out, r.output());
          return 0;
        }
        answer(out, r.output() + cli.prompt());
        // Bytes already here arrived with this line, before its answer could reach the client.
        typedAhead = in.available() > (prev == '\r' ? 1 : 0);
      } else {
        bytes.write(c);
      }
    }
    return 0;
  }

  private void write(String s) throws IOException {
    OutputStream o = out;
    o.write(s.getBytes(StandardCharsets.UTF_8));
    o.flush();
  }

  @Override
  protected void finish() {
    cli.close();
  }
}
