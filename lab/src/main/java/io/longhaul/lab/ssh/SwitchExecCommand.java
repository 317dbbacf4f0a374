package io.longhaul.lab.ssh;

import io.longhaul.lab.device.CliResult;
import io.longhaul.lab.device.SwitchCli;
import io.longhaul.lab.device.SwitchState;
import io.longhaul.lab.fault.FaultController;
import java.io.IOException;

/**
 * A switch exec channel: the command (several may be separated by newlines or " ; ") runs in a
 * fresh CLI session; output without prompts; exit status 1 when any command was rejected.
 */
final class SwitchExecCommand extends DeviceCommand {
  private final SwitchCli cli;
  private final String command;

  SwitchExecCommand(SwitchState state, FaultController faults, String command) {
    super(state.name(), faults);
    this.cli = SwitchCli.forSwitch(state);
    this.command = command;
  }

  @Override
  protected int run() throws IOException, InterruptedException, Dropped {
    StringBuilder sb = new StringBuilder();
    boolean failed = false;
    boolean fails = beforeAnswer(command);
    if (fails) {
      sb.append(cli.rejection(command));
      failed = true;
    } else {
      for (String part : command.split("\n| ; |;$")) {
        if (part.isBlank()) {
          continue;
        }
        CliResult r = cli.execute(part);
        sb.append(r.output());
        failed |= r.error();
        if (r.close()) {
          break;
        }
      }
    }
    answer(out, sb.toString());
    return failed ? 1 : 0;
  }

  @Override
  protected void finish() {
    cli.close();
  }
}
