package io.longhaul.drivers.lab;

import static io.longhaul.drivers.lab.LabSupport.lab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.DomainOwner;
import io.longhaul.drivers.capability.DomainSpec;
import io.longhaul.drivers.capability.Hypervisor;
import io.longhaul.drivers.transport.Heartbeat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("KVM hypervisor against the lab")
class HypervisorLabTest extends DriversLabTest {

  private static Hypervisor hv(String name) {
    return drivers.hypervisor(
        LabSupport.hypervisorTarget(name), LabSupport.login(), Heartbeat.NONE);
  }

  private static DomainSpec spec(String name, int memoryMiB, int vcpus, String tap) {
    return new DomainSpec(
        name,
        memoryMiB,
        vcpus,
        List.of(
            new DomainSpec.Nic("52:54:00:10:20:30", tap, "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b")),
        owner(name));
  }

  private static DomainOwner owner(String name) {
    return new DomainOwner("run-1", "change-1", name);
  }

  @Nested
  @DisplayName("capacity and services (the lifecycle is HypervisorLabContractTest's)")
  class Lifecycle {
    @Test
    @DisplayName("starting beyond the host's over-commit is a non-retryable rejection")
    void overCommit() {
      var hv = hv("sin-hv06");
      var capacity = hv.capacity();
      int memoryMiB = (int) Math.min(4L * 1024 * 1024, capacity.memoryKiB() / 1024 * 4);
      hv.define(spec("vm-huge", memoryMiB, Math.min(512, capacity.cpus() * 8), "tapHuge0"));
      assertThatThrownBy(() -> hv.start("vm-huge"))
          .isInstanceOfSatisfying(
              DeviceException.CommandRejected.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.command()).endsWith("virsh -c qemu:///system start vm-huge");
                assertThat(e.output()).contains("cannot allocate");
              });
      hv.undefine("vm-huge", owner("vm-huge"));
    }

    @Test
    @DisplayName("services report status and restart")
    void services() {
      var hv = hv("sin-hv07");
      assertThat(hv.serviceStatus("libvirtd").active()).isTrue();
      hv.restartService("openvswitch-switch");
      assertThat(hv.serviceStatus("openvswitch-switch").active()).isTrue();
      assertThatThrownBy(() -> hv.restartService("sshd; reboot"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
    }
  }

  @Nested
  @DisplayName("validation")
  class Validation {
    @Test
    @DisplayName("injected names never reach the hypervisor")
    void injection() {
      var hv = hv("sin-hv08");
      var state = lab().hypervisorState("sin-hv08");
      state.resetCounters();
      for (String bad :
          List.of("vm;reboot", "vm\nreboot", "vm$(id)", "vm`id`", "vm\u2028x", "vm|x")) {
        assertThatThrownBy(() -> hv.start(bad))
            .isInstanceOf(DeviceException.InvalidParameter.class);
        assertThatThrownBy(() -> hv.define(spec(bad, 512, 1, "tapX")))
            .isInstanceOf(DeviceException.InvalidParameter.class);
        assertThatThrownBy(() -> hv.plug("br-int", "tap" + bad, "id"))
            .isInstanceOf(DeviceException.InvalidParameter.class);
        assertThatThrownBy(() -> hv.plug("br-int", "tap1", bad))
            .isInstanceOf(DeviceException.InvalidParameter.class);
      }
      assertThat(state.commandLog()).isEmpty();
    }
  }
}
