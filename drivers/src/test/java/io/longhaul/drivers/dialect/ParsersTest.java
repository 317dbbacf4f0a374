package io.longhaul.drivers.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.drivers.Fixtures;
import io.longhaul.drivers.capability.InterfaceStatus;
import io.longhaul.drivers.capability.LldpNeighbor;
import io.longhaul.drivers.dialect.eos.EosParsers;
import io.longhaul.drivers.dialect.nxos.NxosParsers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ParsersTest {

  @Nested
  @DisplayName("NX-OS")
  class Nxos {
    @Test
    @DisplayName(
        "show vlan brief gives every VLAN with full port names, continuation lines included")
    void showVlanBrief() {
      var rows = NxosParsers.showVlan(Fixtures.read("nxos/show-vlan-brief.txt"));
      assertThat(rows.keySet()).containsExactly(1, 100, 200, 201);
      assertThat(rows.get(1).ports())
          .containsExactly(
              "Ethernet1/3",
              "Ethernet1/4",
              "Ethernet1/5",
              "Ethernet1/6",
              "Ethernet1/7",
              "Ethernet1/8");
      assertThat(rows.get(100).name()).isEqualTo("tenant-a");
      assertThat(rows.get(100).ports()).containsExactly("Ethernet1/1", "Ethernet1/2");
      assertThat(rows.get(201).ports()).isEmpty();
      assertThat(rows.get(200).status()).isEqualTo("active");
    }

    @Test
    @DisplayName("show vlan stops at the end of the first table")
    void showVlan() {
      var rows = NxosParsers.showVlan(Fixtures.read("nxos/show-vlan.txt"));
      assertThat(rows.keySet()).containsExactly(1, 100, 200);
      assertThat(rows.get(200).ports()).containsExactly("Ethernet1/1");
    }

    @Test
    @DisplayName("show lldp neighbors handles a device id too long for its column")
    void lldp() {
      assertThat(NxosParsers.showLldpNeighbors(Fixtures.read("nxos/show-lldp-neighbors.txt")))
          .containsExactly(
              new LldpNeighbor("Ethernet1/1", "hv-sha-01", "eth0"),
              new LldpNeighbor("Ethernet1/2", "hv-sha-02", "eth0"),
              new LldpNeighbor("Ethernet1/49", "spine1", "Ethernet1/1"),
              new LldpNeighbor(
                  "Ethernet1/50",
                  "a-very-long-system-name-beyond-twenty.example.net",
                  "Ethernet1/7"));
    }

    @Test
    @DisplayName("show interface status maps connected to up and disabled to admin down")
    void interfaceStatus() {
      assertThat(NxosParsers.showInterfaceStatus(Fixtures.read("nxos/show-interface-status.txt")))
          .containsExactly(
              new InterfaceStatus("mgmt0", 0, true, true, ""),
              new InterfaceStatus("Ethernet1/1", 0, true, true, "hv-sha-01 eth0"),
              new InterfaceStatus("Ethernet1/2", 0, true, false, ""),
              new InterfaceStatus("Ethernet1/3", 0, false, false, "reserved"));
    }

    @Test
    @DisplayName("running-config gives VNIs from vn-segment and trunk VLANs with add lines")
    void runningConfig() {
      var state = NxosParsers.showRunningConfig(Fixtures.read("nxos/show-running-config.txt"));
      assertThat(state.vlans()).containsExactly(1, 100, 200, 300);
      assertThat(state.vniByVlan()).isEqualTo(Map.of(100, 10100, 200, 10200));
      assertThat(state.trunkVlans().get("Ethernet1/1")).containsExactly(100, 200);
      assertThat(state.trunkVlans().get("Ethernet1/2")).containsExactly(100, 101, 102, 300);
      assertThat(state.trunkVlans().get("Ethernet1/3")).hasSize(4094);
      assertThat(state.trunkVlans().get("Ethernet1/5")).isEmpty();
      assertThat(state.trunkVlans()).doesNotContainKeys("Ethernet1/4", "Ethernet1/49");
    }
  }

  @Nested
  @DisplayName("EOS")
  class Eos {
    @Test
    @DisplayName("show vlan gives full port names including Vxlan1")
    void showVlan() {
      var rows = EosParsers.showVlan(Fixtures.read("eos/show-vlan.txt"));
      assertThat(rows.keySet()).containsExactly(1, 100, 200);
      assertThat(rows.get(1).ports()).hasSize(7).endsWith("Ethernet9");
      assertThat(rows.get(100).ports()).containsExactly("Ethernet1", "Ethernet2", "Vxlan1");
    }

    @Test
    @DisplayName("show lldp neighbors skips the table statistics")
    void lldp() {
      assertThat(EosParsers.showLldpNeighbors(Fixtures.read("eos/show-lldp-neighbors.txt")))
          .containsExactly(
              new LldpNeighbor("Ethernet1", "hv-sin-01", "eth0"),
              new LldpNeighbor("Ethernet2", "hv-sin-02", "eth0"),
              new LldpNeighbor("Ethernet49", "spine1", "Ethernet3"));
    }

    @Test
    @DisplayName("show interfaces status reads blank names and admin-disabled ports")
    void interfaceStatus() {
      List<InterfaceStatus> all =
          EosParsers.showInterfaceStatus(Fixtures.read("eos/show-interfaces-status.txt"));
      assertThat(all)
          .startsWith(
              new InterfaceStatus("Ethernet1", 0, true, true, "hv-sin-01 eth0"),
              new InterfaceStatus("Ethernet2", 0, true, false, ""),
              new InterfaceStatus("Ethernet3", 0, false, false, "reserved"));
      assertThat(all).hasSize(4);
    }

    @Test
    @DisplayName("running-config gives VNIs from interface Vxlan1")
    void runningConfig() {
      var state = EosParsers.showRunningConfig(Fixtures.read("eos/show-running-config.txt"));
      assertThat(state.vlans()).containsExactly(1, 100, 200, 300);
      assertThat(state.vniByVlan()).isEqualTo(Map.of(100, 10100, 200, 10200));
      assertThat(state.trunkVlans().get("Ethernet1")).containsExactly(100, 200);
      assertThat(state.trunkVlans().get("Ethernet2")).containsExactly(100, 101, 102, 300);
      assertThat(state.trunkVlans().get("Ethernet3")).hasSize(4094);
      assertThat(state.trunkVlans()).doesNotContainKeys("Ethernet4", "Vxlan1");
    }

    @Test
    @DisplayName("session diffs list added and removed lines without the file headers")
    void sessionDiffs() {
      var diff =
          EosParsers.showSessionConfigDiffs(Fixtures.read("eos/show-session-config-diffs.txt"));
      assertThat(diff.added())
          .containsExactly(
              "vlan 300",
              "!",
              "switchport trunk allowed vlan 100,200,300",
              "vxlan vlan 300 vni 10300");
      assertThat(diff.removed()).containsExactly("switchport trunk allowed vlan 100,200");
    }
  }

  @Nested
  @DisplayName("VLAN ranges")
  class Ranges {
    @Test
    @DisplayName("format and parse are inverse")
    void roundTrip() {
      var set = VlanRanges.parse("1,100-102,300,4000-4094");
      assertThat(set).hasSize(1 + 3 + 1 + 95);
      assertThat(VlanRanges.format(set)).isEqualTo("1,100-102,300,4000-4094");
      assertThat(VlanRanges.format(new java.util.TreeSet<>())).isEqualTo("none");
      assertThat(VlanRanges.parse("none")).isEmpty();
    }
  }
}
