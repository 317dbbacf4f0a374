package io.longhaul.drivers.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.Fixtures;
import io.longhaul.drivers.capability.Binding;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OverlayPlanTest {

  private final io.longhaul.drivers.capability.VlanState nxos =
      Parsers.runningConfig(Fixtures.read("nxos/show-running-config.txt"));
  private final io.longhaul.drivers.capability.VlanState eos =
      Parsers.runningConfig(Fixtures.read("eos/show-running-config.txt"));

  @Nested
  @DisplayName("apply")
  class Apply {
    @Test
    @DisplayName("bindings already present plan nothing")
    void nothing() {
      var batch =
          List.of(new Binding("Ethernet1/1", 100, 10100), new Binding("Ethernet1/2", 100, 10100));
      assertThat(OverlayPlan.apply("leaf1", Dialect.NXOS, nxos, batch)).isEmpty();
    }

    @Test
    @DisplayName(
        "NX-OS: a new VLAN gets vn-segment; a trunk gets add; an access port becomes an exact"
            + " trunk")
    void nxosPlan() {
      var batch =
          List.of(
              new Binding("Ethernet1/1", 400, 10400),
              new Binding("Ethernet1/4", 400, 10400),
              new Binding("Ethernet1/1", 300, 10300));
      assertThat(OverlayPlan.apply("leaf1", Dialect.NXOS, nxos, batch))
          .containsExactly(
              "vlan 300",
              "vn-segment 10300",
              "vlan 400",
              "vn-segment 10400",
              "interface Ethernet1/1",
              "switchport trunk allowed vlan add 300,400",
              "interface Ethernet1/4",
              "switchport trunk allowed vlan 400",
              "switchport mode trunk");
    }

    @Test
    @DisplayName("EOS: VNIs go under interface Vxlan1")
    void eosPlan() {
      var batch =
          List.of(new Binding("Ethernet1", 300, 10300), new Binding("Ethernet1", 400, 10400));
      assertThat(OverlayPlan.apply("leaf3", Dialect.EOS, eos, batch))
          .containsExactly(
              "vlan 400",
              "interface Vxlan1",
              "vxlan vlan 300 vni 10300",
              "vxlan vlan 400 vni 10400",
              "interface Ethernet1",
              "switchport trunk allowed vlan add 300,400");
    }

    @Test
    @DisplayName("a VLAN already mapped to another VNI is a non-retryable conflict")
    void conflict() {
      assertThatThrownBy(
              () ->
                  OverlayPlan.apply(
                      "leaf1", Dialect.NXOS, nxos, List.of(new Binding("Ethernet1/1", 100, 999))))
          .isInstanceOfSatisfying(
              DeviceException.VerificationFailed.class, e -> assertThat(e.retryable()).isFalse());
      assertThatThrownBy(
              () ->
                  OverlayPlan.apply(
                      "leaf1", Dialect.NXOS, nxos, List.of(new Binding("Ethernet1/1", 500, 10100))))
          .isInstanceOf(DeviceException.VerificationFailed.class);
    }

    @Test
    @DisplayName("a batch pairing one VLAN with two VNIs is refused before any device is touched")
    void inconsistentBatch() {
      assertThatThrownBy(
              () ->
                  OverlayPlan.validate(
                      "leaf1",
                      Dialect.NXOS,
                      "chg1",
                      List.of(
                          new Binding("Ethernet1/1", 100, 1), new Binding("Ethernet1/2", 100, 2))))
          .isInstanceOf(DeviceException.InvalidParameter.class);
    }
  }

  @Nested
  @DisplayName("remove")
  class Remove {
    @Test
    @DisplayName("removes only carried VLANs, and the VLAN and VNI when asked")
    void eosRemove() {
      var batch =
          List.of(new Binding("Ethernet1", 200, 10200), new Binding("Ethernet4", 200, 10200));
      assertThat(OverlayPlan.remove(Dialect.EOS, eos, batch, false))
          .containsExactly("interface Ethernet1", "switchport trunk allowed vlan remove 200");
      assertThat(OverlayPlan.remove(Dialect.EOS, eos, batch, true))
          .containsExactly(
              "interface Ethernet1",
              "switchport trunk allowed vlan remove 200",
              "interface Vxlan1",
              "no vxlan vlan 200 vni 10200",
              "no vlan 200");
    }

    @Test
    @DisplayName("removing what is absent plans nothing")
    void absent() {
      var batch = List.of(new Binding("Ethernet1/4", 999, 10999));
      assertThat(OverlayPlan.remove(Dialect.NXOS, nxos, batch, true)).isEmpty();
    }
  }
}
