package io.longhaul.drivers.contract;

import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.HypervisorTarget;
import io.longhaul.drivers.SshLogin;
import io.longhaul.drivers.capability.Hypervisor;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import io.longhaul.drivers.transport.ssh.ExecResult;
import io.longhaul.drivers.transport.ssh.SshEndpoint;
import io.longhaul.drivers.transport.ssh.SshOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

/**
 * libvirt + QEMU + Open vSwitch behind OpenSSH on loopback, logged in as root with an ed25519 key.
 */
@DisplayName("Hypervisor contract on real libvirt, QEMU, Open vSwitch and OpenSSH")
class HypervisorRealStackTest extends HypervisorContract {
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
  private static RealStack.Started stack;
  private static Drivers drivers;
  private static SshLogin login;

  @BeforeAll
  static void open() throws IOException {
    stack = RealStack.require();
    drivers =
        Drivers.create(
            SshOptions.defaults(stack.ssh("known_hosts")).withCommandTimeout(COMMAND_TIMEOUT),
            new SnmpOptions(Duration.ofSeconds(1), 0, 25));
    login = SshLogin.key("root", Files.readAllBytes(stack.ssh("id_ed25519")), null);
  }

  @AfterAll
  static void close() {
    if (drivers != null) {
      drivers.close();
    }
  }

  @Override
  Hypervisor hypervisor() {
    return drivers.hypervisor(
        new HypervisorTarget("real-hv", "127.0.0.1", stack.sshPort()), login, Heartbeat.NONE);
  }

  @Override
  ExecResult sh(String command, byte[] stdin) {
    return drivers
        .ssh()
        .exec(
            new SshEndpoint("real-hv", "127.0.0.1", stack.sshPort(), login),
            command,
            stdin,
            Heartbeat.NONE);
  }

  @Override
  void vswitchd(boolean up) {
    if (up) {
      RealStack.script("vswitchd", "start", stack.dir().toString());
    } else {
      RealStack.script("vswitchd", "stop");
    }
  }

  @Override
  void withoutKvm() {
    // stack.sh masks /dev/kvm for libvirtd: this host offers emulation only
  }

  @Override
  void restoreKvm() {}

  @Override
  Duration commandTimeout() {
    return COMMAND_TIMEOUT;
  }
}
