package io.longhaul.drivers.lab;

import static io.longhaul.drivers.lab.LabSupport.lab;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.SnmpCredentials;
import io.longhaul.drivers.capability.Binding;
import io.longhaul.drivers.capability.LldpNeighbor;
import io.longhaul.lab.fault.Fault;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("SNMP reads against the lab")
class SnmpLabTest extends DriversLabTest {

  static Stream<Arguments> switchesAndVersions() {
    return Stream.of(
        Arguments.of("sha-leaf1", "v2c"),
        Arguments.of("sha-leaf1", "v3"),
        Arguments.of("sin-leaf1", "v2c"),
        Arguments.of("sin-leaf1", "v3"));
  }

  private static SnmpCredentials credentials(String version) {
    return version.equals("v3") ? LabSupport.v3() : LabSupport.v2c();
  }

  @Nested
  @DisplayName("walks")
  class Walks {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.longhaul.drivers.lab.SnmpLabTest#switchesAndVersions")
    @DisplayName("ifTable/ifXTable give the same interfaces as the CLI, in ifIndex order")
    void interfaces(String name, String version) {
      var driver = LabSupport.switchDriver(drivers, name, credentials(version));
      var viaSnmp = driver.interfaces().interfaces();
      var viaCli = driver.cliInterfaces().interfaces();
      assertThat(viaSnmp).isNotEmpty();
      for (int i = 0; i < viaSnmp.size(); i++) {
        assertThat(viaSnmp.get(i).ifIndex()).isEqualTo(i + 1);
      }
      var cliNames = viaCli.stream().map(s -> s.name()).toList();
      assertThat(cliNames).containsAll(viaSnmp.stream().map(s -> s.name()).toList());
      var operUp = viaSnmp.stream().filter(s -> s.operUp()).map(s -> s.name()).toList();
      assertThat(viaCli.stream().filter(s -> s.operUp()).map(s -> s.name()).toList())
          .containsAll(operUp);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("io.longhaul.drivers.lab.SnmpLabTest#switchesAndVersions")
    @DisplayName("LLDP-MIB neighbours match the cabling and the CLI")
    void lldp(String name, String version) {
      var driver = LabSupport.switchDriver(drivers, name, credentials(version));
      List<LldpNeighbor> viaSnmp = driver.lldp().neighbors();
      String site = name.substring(0, 3);
      String port = LabSupport.leafPort(site + "-hv01", "eth0");
      assertThat(viaSnmp).contains(new LldpNeighbor(port, site + "-hv01", "eth0"));
      assertThat(driver.cliLldp().neighbors()).containsExactlyInAnyOrderElementsOf(viaSnmp);
    }

    @Test
    @DisplayName("Q-BRIDGE egress ports show an applied binding")
    void qbridge() {
      var driver = LabSupport.switchDriver(drivers, "sha-leaf1", LabSupport.v3());
      String port = LabSupport.leafPort("sha-hv03", "eth0");
      driver.overlay().apply("qbridge", List.of(new Binding(port, 1700, 51700)));
      assertThat(driver.vlanPorts().vlanPorts().get(1700)).contains(port);
    }
  }

  @Nested
  @DisplayName("failures")
  class Failures {
    @Test
    @DisplayName("a hung agent is a retryable timeout")
    void hang() {
      lab().faults().inject("sha-leaf2", new Fault.Hang());
      var driver = LabSupport.switchDriver(drivers, "sha-leaf2", LabSupport.v2c());
      assertThatThrownBy(() -> driver.interfaces().interfaces())
          .isInstanceOfSatisfying(
              DeviceException.TimedOut.class, e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    @DisplayName("a wrong v3 auth password fails typed, without the secret in the message")
    void wrongAuth() {
      var c = lab().credentials();
      var wrong = new SnmpCredentials.V3(c.snmpV3User(), "wrong-auth-pass", c.snmpV3PrivPassword());
      var driver = LabSupport.switchDriver(drivers, "sin-leaf2", wrong);
      // Non-retryable AuthenticationFailed once the lab sends usmStats reports (lab request 7);
      // today the lab agent stays silent, which is a retryable timeout.
      assertThatThrownBy(() -> driver.interfaces().interfaces())
          .isInstanceOfAny(
              DeviceException.AuthenticationFailed.class, DeviceException.TimedOut.class)
          .hasMessageNotContaining("wrong-auth-pass");
    }

    @Test
    @DisplayName("garbage answers are refused rather than silently parsed")
    void garbage() {
      lab().faults().inject("sin-leaf3", new Fault.Garbage());
      var driver = LabSupport.switchDriver(drivers, "sin-leaf3", null);
      assertThatThrownBy(
              () ->
                  driver.overlay().apply("garbage", List.of(new Binding("Ethernet1", 1800, 51800))))
          .isInstanceOf(DeviceException.class)
          .satisfies(e -> assertThat(((DeviceException) e).retryable()).as(e.toString()).isFalse());
    }
  }
}
