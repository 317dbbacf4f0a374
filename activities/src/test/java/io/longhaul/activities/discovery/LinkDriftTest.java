package io.longhaul.activities.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.discovery.HostProblem;
import io.longhaul.contracts.discovery.LinkRef;
import io.longhaul.contracts.discovery.LldpEntry;
import io.longhaul.contracts.discovery.LldpTable;
import io.longhaul.db.inventory.HostLink;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.NetworkSwitch;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Link drift between LLDP and the inventory")
class LinkDriftTest {
  static final List<NetworkSwitch> SWITCHES =
      List.of(
          sw(1, "leaf1", "leaf", "pair1"),
          sw(2, "leaf2", "leaf", "pair1"),
          sw(3, "leaf3", "leaf", "pair2"),
          sw(9, "spine1", "spine", null));
  static final List<Hypervisor> HYPERVISORS = List.of(hv(10, "hv1"), hv(11, "hv2"));

  static NetworkSwitch sw(long id, String name, String role, String pair) {
    return new NetworkSwitch(
        id, 1, name, role, "nxos", pair, "127.0.0.1", 22, 161, 1L, 2L, null, "");
  }

  static Hypervisor hv(long id, String name) {
    return new Hypervisor(
        id, 1, name, "127.0.0.2", 22, 1L, 32, 1024, BigDecimal.TWO, BigDecimal.ONE, false, null);
  }

  static LldpTable table(String sw, LldpEntry... entries) {
    return new LldpTable(sw, List.of(entries));
  }

  static LldpEntry nic(String iface, String hv, String nic) {
    return new LldpEntry(iface, hv, nic);
  }

  @Test
  @DisplayName("a first discovery adds every host link, skips fabric links and flags no one")
  void addsEverything() {
    var drift =
        LinkDrift.of(
            SWITCHES,
            HYPERVISORS,
            List.of(),
            List.of(
                table("leaf1", nic("E1", "hv1", "eth0"), nic("E54", "spine1", "E1")),
                table("leaf2", nic("E1", "hv1", "eth1"), nic("E2", "hv2", "eth1")),
                table("leaf1", nic("E2", "hv2", "eth0"))));
    assertThat(drift.found()).isEqualTo(4);
    assertThat(drift.added()).extracting(drift::ref).hasSize(4);
    assertThat(drift.removed()).isEmpty();
    assertThat(drift.problems()).isEmpty();
  }

  @Test
  @DisplayName("a moved NIC is one removal and one addition, and leaves of two pairs are flagged")
  void movedToOtherPair() {
    var existing =
        List.of(
            new HostLink(100, 10, "eth0", 1, "E1", "discovered", null),
            new HostLink(101, 10, "eth1", 2, "E1", "discovered", null));
    var drift =
        LinkDrift.of(
            SWITCHES,
            HYPERVISORS,
            existing,
            List.of(
                table("leaf1", nic("E1", "hv1", "eth0")),
                table("leaf3", nic("E20", "hv1", "eth1"))));
    assertThat(drift.unchanged()).extracting(HostLink::id).containsExactly(100L);
    assertThat(drift.removed()).extracting(HostLink::id).containsExactly(101L);
    assertThat(drift.added())
        .extracting(drift::ref)
        .containsExactly(new LinkRef("hv1", "eth1", "leaf3", "E20"));
    assertThat(drift.problems())
        .extracting(HostProblem::hypervisor, HostProblem::problem)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("hv1", HostProblem.SPLIT_PAIR));
  }

  @Test
  @DisplayName("both NICs on one leaf is single-homed; a stranger on a port is an unknown peer")
  void singleHomedAndUnknown() {
    var drift =
        LinkDrift.of(
            SWITCHES,
            HYPERVISORS,
            List.of(),
            List.of(
                table(
                    "leaf1",
                    nic("E1", "hv2", "eth0"),
                    nic("E2", "hv2", "eth1"),
                    nic("E7", "mystery-box", "eth3"))));
    assertThat(drift.problems())
        .extracting(HostProblem::hypervisor, HostProblem::problem)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("mystery-box", HostProblem.UNKNOWN_PEER),
            org.assertj.core.groups.Tuple.tuple("hv2", HostProblem.SINGLE_HOMED));
  }

  @Test
  @DisplayName("a declared link LLDP does not confirm is kept, and the disagreement reported")
  void declaredKept() {
    var existing =
        List.of(
            new HostLink(100, 10, "eth0", 1, "E1", "discovered", null),
            new HostLink(101, 10, "eth1", 2, "E1", "declared", null));
    var drift =
        LinkDrift.of(
            SWITCHES,
            HYPERVISORS,
            existing,
            List.of(
                table("leaf1", nic("E1", "hv1", "eth0")),
                table("leaf3", nic("E20", "hv1", "eth1"))));
    assertThat(drift.removed()).isEmpty();
    assertThat(drift.added()).isEmpty();
    assertThat(drift.problems())
        .filteredOn(p -> p.problem().equals(HostProblem.DECLARED_DISAGREES))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.hypervisor()).isEqualTo("hv1");
              assertThat(p.detail())
                  .isEqualTo("declared eth1 on leaf2 E1; LLDP sees it on leaf3 E20");
            });
  }

  @Test
  @DisplayName("FQDN system names match the inventory's short names, by suffix or first label")
  void fqdn() {
    var drift =
        LinkDrift.of(
            SWITCHES,
            HYPERVISORS,
            List.of(),
            List.of(
                table("leaf1", nic("E1", "HV1.dc1.example.net.", "eth0")),
                table("leaf2", nic("E1", "hv2.example.org", "eth1")),
                table("leaf2", nic("E9", "hv3.dc1.example.net", "eth1"))),
            List.of("dc1.example.net"));
    assertThat(drift.added())
        .extracting(drift::ref)
        .containsExactlyInAnyOrder(
            new LinkRef("hv1", "eth0", "leaf1", "E1"), new LinkRef("hv2", "eth1", "leaf2", "E1"));
    assertThat(drift.problems())
        .extracting(HostProblem::hypervisor)
        .contains("hv3.dc1.example.net");
  }
}
