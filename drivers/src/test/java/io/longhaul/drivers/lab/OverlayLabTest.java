package io.longhaul.drivers.lab;

import static io.longhaul.drivers.lab.LabSupport.lab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SwitchDriver;
import io.longhaul.drivers.capability.Binding;
import io.longhaul.lab.fault.Fault;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Overlay bindings against the lab")
class OverlayLabTest extends DriversLabTest {

  /** Two hypervisors' eth0 ports on the site's first leaf. */
  private static List<Binding> batch(String site, int vlan, int vni) {
    return List.of(
        new Binding(LabSupport.leafPort(site + "-hv01", "eth0"), vlan, vni),
        new Binding(LabSupport.leafPort(site + "-hv02", "eth0"), vlan, vni));
  }

  private static String leaf(String site) {
    return LabSupport.leafOf(site + "-hv01", "eth0");
  }

  private static SwitchDriver driver(String site) {
    return LabSupport.switchDriver(drivers, leaf(site), null);
  }

  @Nested
  @DisplayName("apply")
  class Apply {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sha", "sin"})
    @DisplayName("applies a batch in one config session and reads it back")
    void applyAndRead(String site) {
      var state = lab().switchState(leaf(site));
      var bindings = batch(site, 1100, 51100);
      state.resetCounters();

      var result = driver(site).overlay().apply("apply-" + site, bindings);

      assertThat(result.changed()).isTrue();
      assertThat(state.configSessionCount()).isEqualTo(1);
      assertThat(state.vlans()).containsEntry(1100, 51100);
      for (var b : bindings) {
        assertThat(state.trunkVlans(b.interfaceName())).contains(1100);
      }
      var read = driver(site).vlans().read();
      assertThat(read.vniByVlan()).containsEntry(1100, 51100);
      assertThat(bindings).allMatch(read::has);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sha", "sin"})
    @DisplayName("re-applying the same batch opens no config session and changes nothing")
    void idempotent(String site) {
      var state = lab().switchState(leaf(site));
      var bindings = batch(site, 1200, 51200);
      driver(site).overlay().apply("idem-" + site, bindings);
      String before = state.runningConfig();
      state.resetCounters();

      var again = driver(site).overlay().apply("idem-" + site, bindings);

      assertThat(again.changed()).isFalse();
      assertThat(again.commands()).isEmpty();
      assertThat(state.configSessionCount()).isZero();
      assertThat(state.runningConfig()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sha", "sin"})
    @DisplayName("a command failing mid-apply leaves the running config exactly as before")
    void failureMidApply(String site) {
      var state = lab().switchState(leaf(site));
      String before = state.runningConfig();
      lab().faults().inject(leaf(site), new Fault.CommandFails("switchport trunk allowed vlan"));

      assertThatThrownBy(
              () -> driver(site).overlay().apply("fail-" + site, batch(site, 1300, 51300)))
          .isInstanceOfSatisfying(
              DeviceException.CommandRejected.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.command()).startsWith("switchport trunk allowed vlan");
                assertThat(e.device()).isEqualTo(leaf(site));
              });
      assertThat(state.runningConfig()).isEqualTo(before);
      assertThat(state.vlans()).doesNotContainKey(1300);
      assertThat(state.commandLog())
          .contains(
              site.equals("sha") ? "rollback running-config checkpoint lh-fail-sha" : "abort");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sha", "sin"})
    @DisplayName(
        "a line refused in the middle of the one-write block is named, and what the switch ran"
            + " after it is undone too")
    void refusedMidBlock(String site) {
      var state = lab().switchState(leaf(site));
      var bindings = batch(site, 1700, 51700);
      String second = "interface " + bindings.get(1).interfaceName();
      String before = state.runningConfig();
      state.resetCounters();
      lab().faults().inject(leaf(site), new Fault.CommandFails(second));

      assertThatThrownBy(() -> driver(site).overlay().apply("mid-" + site, bindings))
          .isInstanceOfSatisfying(
              DeviceException.CommandRejected.class,
              e -> assertThat(e.command()).isEqualTo(second));

      // The switch read on past the refused line: the second port's trunk line ran too (in the
      // first port's context), which is why a refusal must undo the whole block.
      assertThat(state.commandLog())
          .filteredOn(l -> l.startsWith("switchport trunk allowed vlan"))
          .hasSize(2);
      assertThat(state.commandLog())
          .contains(site.equals("sha") ? "rollback running-config checkpoint lh-mid-sha" : "abort");
      assertThat(state.runningConfig()).isEqualTo(before);
      assertThat(state.vlans()).doesNotContainKey(1700);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sha", "sin"})
    @DisplayName("a connection dropped mid-command is retryable and changes nothing")
    void drop(String site) {
      var state = lab().switchState(leaf(site));
      String before = state.runningConfig();
      lab().faults().inject(leaf(site), new Fault.DropMidCommand());

      assertThatThrownBy(
              () -> driver(site).overlay().apply("drop-" + site, batch(site, 1400, 51400)))
          .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.retryable()).isTrue());
      assertThat(state.runningConfig()).isEqualTo(before);

      lab().faults().clearAll();
      var retried = driver(site).overlay().apply("drop-" + site, batch(site, 1400, 51400));
      assertThat(retried.changed()).isTrue();
      assertThat(state.vlans()).containsEntry(1400, 51400);
    }
  }

  @Nested
  @DisplayName("shells")
  class Shells {
    private static long newShells(List<String> commandLog) {
      // Every shell the driver opens starts with the profile's setup.
      return commandLog.stream().filter("terminal length 0"::equals).count();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sha", "sin"})
    @DisplayName(
        "a shell back at its login prompt serves the next work; one after a failure does not")
    void keptShell(String site) {
      var state = lab().switchState(leaf(site));
      driver(site).vlans().read();
      state.resetCounters();

      driver(site).vlans().read();
      driver(site).overlay().apply("shell-" + site, batch(site, 1800, 51800));
      driver(site).vlans().read();
      assertThat(newShells(state.commandLog())).isZero();

      lab().faults().inject(leaf(site), new Fault.CommandFails("switchport trunk allowed vlan"));
      assertThatThrownBy(
              () -> driver(site).overlay().apply("shell-fail-" + site, batch(site, 1810, 51810)))
          .isInstanceOf(DeviceException.CommandRejected.class);
      lab().faults().clearAll();
      state.resetCounters();
      assertThat(driver(site).vlans().read().vniByVlan()).containsEntry(1800, 51800);
      assertThat(newShells(state.commandLog())).isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("remove")
  class Remove {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sha", "sin"})
    @DisplayName("drops trunk membership, and the VLAN and VNI when asked")
    void remove(String site) {
      var state = lab().switchState(leaf(site));
      var bindings = batch(site, 1500, 51500);
      driver(site).overlay().apply("rm-a-" + site, bindings);

      var kept = driver(site).overlay().remove("rm-b-" + site, bindings, false);
      assertThat(kept.changed()).isTrue();
      assertThat(state.vlans()).containsEntry(1500, 51500);
      for (var b : bindings) {
        assertThat(state.trunkVlans(b.interfaceName())).doesNotContain(1500);
      }

      driver(site).overlay().remove("rm-c-" + site, bindings, true);
      assertThat(state.vlans()).doesNotContainKey(1500);
      assertThat(driver(site).overlay().remove("rm-d-" + site, bindings, true).changed()).isFalse();
    }
  }

  @Nested
  @DisplayName("validation")
  class Validation {
    @ParameterizedTest(name = "{0}")
    @ValueSource(
        strings = {
          "Ethernet1/1\nreload",
          "Ethernet1/1;reload",
          "Ethernet1/1\u2028reload",
          "Ethernet1/1\u0085reload",
          "Ethernet1/1$(reboot)",
          "Ethernet1/1`id`",
          "Ethernet1/1 | include x",
          "Ethernet1/1\0"
        })
    @DisplayName("an injected interface name never reaches the device")
    void injection(String name) {
      var state = lab().switchState(leaf("sha"));
      state.resetCounters();
      assertThatThrownBy(
              () -> driver("sha").overlay().apply("inj", List.of(new Binding(name, 1600, 51600))))
          .isInstanceOf(DeviceException.InvalidParameter.class);
      assertThat(state.commandLog()).isEmpty();
    }
  }
}
