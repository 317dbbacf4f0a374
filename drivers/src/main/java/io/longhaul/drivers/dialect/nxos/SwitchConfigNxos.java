package io.longhaul.drivers.dialect.nxos;

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
 * NX-OS switch configuration: {@code checkpoint lh-<changeId>}, then {@code configure terminal},
 * the commands, {@code end} and the read-back in one write; on any failure {@code rollback
 * running-config checkpoint} and prove the running configuration equals the one before.
 */
public final class SwitchConfigNxos extends CliSwitch {
  private static final Logger log = LoggerFactory.getLogger(SwitchConfigNxos.class);

  public SwitchConfigNxos(
      SwitchTarget target, SshLogin login, SshTransport ssh, Heartbeat heartbeat) {
    super(target, login, ssh, heartbeat);
  }

  @Override
  protected String interfaceStatusCommand() {
    return "show interface status";
  }

  @Override
  protected void transaction(
      CliSession cli, String changeId, String before, List<String> commands, Verifier verifier) {
    String checkpoint = "lh-" + changeId;
    try {
      cli.run("checkpoint " + checkpoint);
    } catch (DeviceException.CommandRejected e) {
      if (!e.output().contains("already exists")) {
        throw e;
      }
      // A retried change keeps the checkpoint of its first attempt: the state before the change.
      log.info("{}: reusing checkpoint {}", device(), checkpoint);
    }
    try {
      // One write for the whole block and the read-back: a line the switch refuses is found in
      // the answers, and the lines after it (which the switch still ran) are undone by the same
      // rollback as before; the read-back is only looked at when every line was accepted.
      var block = new ArrayList<String>(commands.size() + 3);
      block.add("configure terminal");
      block.addAll(commands);
      block.add("end");
      block.add("show running-config");
      verifier.verify(cli.runAll(block).getLast());
    } catch (DeviceException e) {
      rollback(cli, checkpoint, before, e);
      throw e;
    }
    deleteCheckpoint(cli, checkpoint);
  }

  private void rollback(CliSession cli, String checkpoint, String before, DeviceException cause) {
    if (transportFailure(cause)) {
      // The session is gone or stuck; roll back on a fresh one.
      try {
        cli(
            fresh -> {
              restore(fresh, checkpoint, before, cause);
              return null;
            });
      } catch (DeviceException e) {
        cause.addSuppressed(e);
      }
      return;
    }
    try {
      restore(cli, checkpoint, before, cause);
    } catch (DeviceException.VerificationFailed e) {
      throw e; // the device is not as before: that outranks the original failure
    } catch (DeviceException e) {
      cause.addSuppressed(e);
    }
  }

  private void restore(CliSession cli, String checkpoint, String before, DeviceException cause) {
    log.warn("{}: rolling back to {} after {}", device(), checkpoint, cause.getMessage());
    cli.send("end");
    cli.run("rollback running-config checkpoint " + checkpoint);
    requireRestored(cli, before, cause);
    deleteCheckpoint(cli, checkpoint);
  }

  private void deleteCheckpoint(CliSession cli, String checkpoint) {
    String out = cli.send("no checkpoint " + checkpoint);
    if (out.contains("%")) {
      log.warn("{}: could not delete checkpoint {}: {}", device(), checkpoint, out.strip());
    }
  }
}
