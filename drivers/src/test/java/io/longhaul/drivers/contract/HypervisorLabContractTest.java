package io.longhaul.drivers.contract;

import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.capability.Hypervisor;
import io.longhaul.drivers.lab.LabSupport;
import io.longhaul.drivers.transport.Heartbeat;
import io.longhaul.drivers.transport.ssh.ExecResult;
import io.longhaul.drivers.transport.ssh.SshEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Hypervisor contract on the lab")
class HypervisorLabContractTest extends HypervisorContract {
  private static final String HOST = "sin-hv04";
  private static Drivers drivers;

  @BeforeAll
  static void open() {
    drivers = LabSupport.drivers();
  }

  @AfterAll
  static void close() {
    drivers.close();
  }

  @Override
  Hypervisor hypervisor() {
    return drivers.hypervisor(
        LabSupport.hypervisorTarget(HOST), LabSupport.login(), Heartbeat.NONE);
  }

  @Override
  ExecResult sh(String command, byte[] stdin) {
    var t = LabSupport.hypervisorTarget(HOST);
    return drivers
        .ssh()
        .exec(
            new SshEndpoint(HOST, t.host(), t.sshPort(), LabSupport.login()),
            command,
            stdin,
            Heartbeat.NONE);
  }

  @Override
  void vswitchd(boolean up) {
    sh("systemctl " + (up ? "start" : "stop") + " ovs-vswitchd");
  }

  @Override
  void withoutKvm() {
    LabSupport.lab().hypervisorState(HOST).kvm(false);
  }

  @Override
  void restoreKvm() {
    LabSupport.lab().hypervisorState(HOST).kvm(true);
  }

  @Override
  Duration commandTimeout() {
    return LabSupport.sshOptions().commandTimeout();
  }
}
