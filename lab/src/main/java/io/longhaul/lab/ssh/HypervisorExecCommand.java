package io.longhaul.lab.ssh;

import io.longhaul.lab.device.HypervisorShell;
import io.longhaul.lab.device.HypervisorState;
import io.longhaul.lab.fault.FaultController;
import java.io.IOException;

/** A hypervisor exec channel: stdout, stderr and a real exit status. */
final class HypervisorExecCommand extends DeviceCommand {
  private final HypervisorShell shell;
  private final String command;

  HypervisorExecCommand(HypervisorState state, FaultController faults, String command) {
    super(state.name(), faults);
    this.shell = new HypervisorShell(state);
    this.command = command;
  }

  @Override
  protected int run() throws IOException, InterruptedException, Dropped {
    byte[] stdin = null;
    if (command.contains("/dev/stdin") || command.matches(".*\\s-(\\s.*|$)")) {
      stdin = in.readAllBytes();
    }
    if (beforeAnswer(command)) {
      answer(err, "error: internal error: command failed (lab fault)\n");
      return 1;
    }
    HypervisorShell.ExecResult r = shell.execute(command, stdin);
    if (!r.stdout().isEmpty()) {
      answer(out, r.stdout());
    }
    if (!r.stderr().isEmpty()) {
      answer(err, r.stderr());
    }
    return r.exitCode();
  }
}
