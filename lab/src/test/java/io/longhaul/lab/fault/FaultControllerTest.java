package io.longhaul.lab.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Command faults")
class FaultControllerTest {
  @Test
  @DisplayName("a prefix matches the command without what only bounds or routes it")
  void bare() {
    assertThat(FaultController.bare("timeout -k 5 25 virsh -c qemu:///system define /dev/stdin"))
        .isEqualTo("virsh define /dev/stdin");
    assertThat(FaultController.bare("sudo virsh --connect=qemu:///system -q dominfo vm-1"))
        .isEqualTo("virsh dominfo vm-1");
    assertThat(FaultController.bare("ovs-vsctl --timeout=10 --may-exist add-port br-int tap1"))
        .isEqualTo("ovs-vsctl --may-exist add-port br-int tap1");
    assertThat(FaultController.bare("show running-config")).isEqualTo("show running-config");
  }
}
