package io.longhaul.drivers.dialect;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.capability.Binding;
import io.longhaul.drivers.capability.ChangeResult;
import io.longhaul.drivers.capability.InterfaceStatus;
import io.longhaul.drivers.capability.LldpNeighbor;
import io.longhaul.drivers.capability.LldpNeighbors;
import io.longhaul.drivers.capability.OverlayBinding;
import io.longhaul.drivers.capability.SwitchInterfaces;
import io.longhaul.drivers.capability.VlanBindings;
import io.longhaul.drivers.capability.VlanState;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.ssh.CliSession;
import io.longhaul.drivers.transport.ssh.CliWork;
import io.longhaul.drivers.transport.ssh.SshEndpoint;
import io.longhaul.drivers.transport.ssh.SshTransport;
import java.util.List;

/**
 * A switch driven over its CLI: reads shared by NX-OS and EOS, and the apply/remove skeleton
 * (validate, read, plan, nothing to do → no session) around each dialect's transaction.
 */
public abstract class CliSwitch
    implements VlanBindings, LldpNeighbors, SwitchInterfaces, OverlayBinding {

  protected final SwitchTarget target;
  protected final SshTransport ssh;
  protected final SshEndpoint endpoint;
  protected final Heartbeat heartbeat;

  protected CliSwitch(SwitchTarget target, SshLogin login, SshTransport ssh, Heartbeat heartbeat) {
    this.target = target;
    this.ssh = ssh;
    this.endpoint = new SshEndpoint(target.name(), target.host(), target.sshPort(), login);
    this.heartbeat = heartbeat == null ? Heartbeat.NONE : heartbeat;
  }

  protected <T> T cli(CliWork<T> work) {
    return ssh.cli(endpoint, CliProfiles.of(target.dialect()), heartbeat, work);
  }

  protected String device() {
    return target.name();
  }

  @Override
  public VlanState read() {
    return Parsers.runningConfig(cli(c -> c.run("show running-config")));
  }

  @Override
  public List<LldpNeighbor> neighbors() {
    return Parsers.showLldpNeighbors(target.dialect(), cli(c -> c.run("show lldp neighbors")));
  }

  @Override
  public List<InterfaceStatus> interfaces() {
    return Parsers.showInterfaceStatus(target.dialect(), cli(c -> c.run(interfaceStatusCommand())));
  }

  protected abstract String interfaceStatusCommand();

  @Override
  public ChangeResult apply(String changeId, List<Binding> bindings) {
    OverlayPlan.validate(device(), target.dialect(), changeId, bindings);
    return cli(
        c -> {
          String before = c.run("show running-config");
          var state = Parsers.runningConfig(before);
          var commands = OverlayPlan.apply(device(), target.dialect(), state, bindings);
          if (commands.isEmpty()) {
            return new ChangeResult(device(), changeId, false, List.of());
          }
          transaction(
              c,
              changeId,
              before,
              commands,
              after -> {
                var missing = OverlayPlan.missingAfterApply(Parsers.runningConfig(after), bindings);
                if (!missing.isEmpty()) {
                  throw new DeviceException.VerificationFailed(
                      device(), "show running-config", "missing after apply: " + missing);
                }
              });
          return new ChangeResult(device(), changeId, true, commands);
        });
  }

  @Override
  public ChangeResult remove(String changeId, List<Binding> bindings, boolean dropVlans) {
    OverlayPlan.validate(device(), target.dialect(), changeId, bindings);
    return cli(
        c -> {
          String before = c.run("show running-config");
          var state = Parsers.runningConfig(before);
          var commands = OverlayPlan.remove(target.dialect(), state, bindings, dropVlans);
          if (commands.isEmpty()) {
            return new ChangeResult(device(), changeId, false, List.of());
          }
          transaction(
              c,
              changeId,
              before,
              commands,
              after -> {
                var left =
                    OverlayPlan.leftAfterRemove(Parsers.runningConfig(after), bindings, dropVlans);
                if (!left.isEmpty()) {
                  throw new DeviceException.VerificationFailed(
                      device(), "show running-config", "left after remove: " + left);
                }
              });
          return new ChangeResult(device(), changeId, true, commands);
        });
  }

  /** Checks the running configuration read after the change; throws if it is wrong. */
  @FunctionalInterface
  protected interface Verifier {
    void verify(String runningConfigAfter);
  }

  /**
   * Applies {@code commands} in one configuration transaction, verifies with {@code verifier}, and
   * on any failure leaves the device exactly as {@code before} (or throws saying it could not).
   */
  protected abstract void transaction(
      CliSession cli, String changeId, String before, List<String> commands, Verifier verifier);

  /** Compares configurations ignoring comment lines (timestamps). */
  protected void requireRestored(CliSession cli, String before, DeviceException cause) {
    String now = cli.run("show running-config");
    if (!ConfigSections.withoutComments(now).equals(ConfigSections.withoutComments(before))) {
      var failure =
          new DeviceException.VerificationFailed(
              device(), "show running-config", "configuration differs from before the change");
      failure.addSuppressed(cause);
      throw failure;
    }
  }

  protected static boolean transportFailure(DeviceException e) {
    return e instanceof DeviceException.Unreachable
        || e instanceof DeviceException.TimedOut
        || e instanceof DeviceException.Cancelled;
  }
}
