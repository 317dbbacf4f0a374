package io.longhaul.lab.ssh;

import io.longhaul.lab.device.HypervisorShell;
import io.longhaul.lab.device.HypervisorState;
import io.longhaul.lab.fault.FaultController;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** A minimal interactive shell on a hypervisor (prompt {@code [root@NAME ~]# }; no stdin). */
final class HypervisorShellCommand extends DeviceCommand {
  private final HypervisorShell shell;
  private final String prompt;

  HypervisorShellCommand(HypervisorState state, FaultController faults) {
    super(state.name(), faults);
    this.shell = new HypervisorShell(state);
    this.prompt = "[root@" + state.name() + " ~]# ";
  }

  @Override
  protected int run() throws IOException, InterruptedException, Dropped {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    answer(out, prompt);
    String line;
    while (isOpen() && (line = r.readLine()) != null) {
      line = line.strip();
      if (line.equals("exit") || line.equals("logout")) {
        return 0;
      }
      if (!line.isEmpty()) {
        if (beforeAnswer(line)) {
          answer(out, "error: internal error: command failed (lab fault)\n");
        } else {
          HypervisorShell.ExecResult res = shell.execute(line, null);
          answer(out, res.stdout() + res.stderr());
        }
      }
      answer(out, prompt);
    }
    return 0;
  }
}
