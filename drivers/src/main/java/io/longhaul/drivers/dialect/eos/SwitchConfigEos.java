package io.longhaul.drivers.dialect.eos;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.dialect.CliSwitch;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.ssh.CliSession;
import io.longhaul.drivers.transport.ssh.SshTransport;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EOS switch configuration: {@code configure session lh-<changeId>}, the commands and {@code show
 * session-config diffs} in one write, check the diff, {@code commit} (or {@code abort} on any
 * failure), read back. Nothing reaches the running configuration before commit, so an abort leaves
 * the device as before.
 */
public final class SwitchConfigEos extends CliSwitch {
  private static final Logger log = LoggerFactory.getLogger(SwitchConfigEos.class);
  private static final String DIFFS = "show session-config diffs";

  public SwitchConfigEos(
      SwitchTarget target, SshLogin login, SshTransport ssh, Heartbeat heartbeat) {
    super(target, login, ssh, heartbeat);
  }

  @Override
  protected String interfaceStatusCommand() {
    return "show interfaces status";
  }

  @Override
  protected void transaction(
      CliSession cli, String changeId, String before, List<String> commands, Verifier verifier) {
    String session = "lh-" + changeId;
    try {
      String diffs = cli.runAll(List.of("configure session " + session, DIFFS)).get(1);
      if (!EosParsers.showSessionConfigDiffs(diffs).empty()) {
        // Left pending by an attempt that lost its connection: start clean.
        log.info("{}: aborting stale session {}", device(), session);
        cli.runAll(List.of("abort", "configure session " + session));
      }
      // The commands and the diff in one write: nothing reaches the running configuration before
      // commit, so a refused line (found in the answers) is undone by the abort as before.
      var block = new ArrayList<String>(commands.size() + 1);
      block.addAll(commands);
      block.add(DIFFS);
      var answers = cli.runAll(block);
      var diff = EosParsers.showSessionConfigDiffs(answers.getLast());
      if (diff.empty()) {
        throw new DeviceException.VerificationFailed(device(), DIFFS, "session has no changes");
      }
      cli.run("commit");
    } catch (DeviceException e) {
      abort(cli, session, before, e);
      throw e;
    }
    // After commit there is no checkpoint to return to: a wrong read-back is reported, not undone.
    verifier.verify(cli.run("show running-config"));
  }

  private void abort(CliSession cli, String session, String before, DeviceException cause) {
    log.warn("{}: aborting {} after {}", device(), session, cause.getMessage());
    try {
      if (transportFailure(cause)) {
        cli(
            fresh -> {
              fresh.run("configure session " + session);
              fresh.run("abort");
              requireRestored(fresh, before, cause);
              return null;
            });
      } else {
        cli.run("abort");
        requireRestored(cli, before, cause);
      }
    } catch (DeviceException.VerificationFailed e) {
      throw e;
    } catch (DeviceException e) {
      cause.addSuppressed(e);
    }
  }
}
