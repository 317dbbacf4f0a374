package io.longhaul.drivers.dialect.eos;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.dialect.CliSwitch;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.ssh.CliSession;
import io.longhaul.drivers.transport.ssh.SshTransport;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EOS switch configuration: {@code configure session lh-<changeId>}, the commands, check {@code
 * show session-config diffs}, {@code commit} (or {@code abort} on any failure), read back. Nothing
 * reaches the running configuration before commit, so an abort leaves the device as before.
 */
public final class SwitchConfigEos extends CliSwitch {
  private static final Logger log = LoggerFactory.getLogger(SwitchConfigEos.class);

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
      cli.run("configure session " + session);
      if (!EosParsers.showSessionConfigDiffs(cli.run("show session-config diffs")).empty()) {
        // Left pending by an attempt that lost its connection: start clean.
        log.info("{}: aborting stale session {}", device(), session);
        cli.run("abort");
        cli.run("configure session " + session);
      }
      for (String command : commands) {
        cli.run(command);
      }
      var diff = EosParsers.showSessionConfigDiffs(cli.run("show session-config diffs"));
      if (diff.empty()) {
        throw new DeviceException.VerificationFailed(
            device(), "show session-config diffs", "session has no changes");
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
