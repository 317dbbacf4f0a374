package io.longhaul.drivers.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.drivers.Dialect;
import io.longhaul.drivers.SnmpCredentials;
import io.longhaul.drivers.SwitchTarget;
import io.longhaul.drivers.capability.InterfaceStatus;
import io.longhaul.drivers.capability.LldpNeighbor;
import io.longhaul.drivers.dialect.mib.SnmpSwitch;
import io.longhaul.drivers.transport.snmp.Snmp4jTransport;
import io.longhaul.drivers.transport.snmp.SnmpOptions;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * snmpsim replaying src/test/resources/snmprec/rec-leaf1.snmprec, a leaf as real agents report it:
 * a Linux host's lldpd neighbour (MAC chassis and port ids, the NIC in the port description, an
 * FQDN sysName) learnt at lldpRemTimeMark 3,000,000,000, a switch neighbour with a network-address
 * chassis id at 2^32 - 1, and ifDescr padded with a NUL.
 */
@DisplayName("SNMP reads of recordings replayed by snmpsim")
class SnmpRealStackTest {
  private static int port;
  private static Snmp4jTransport snmp;

  @BeforeAll
  static void start() throws IOException {
    var stack = RealStack.require();
    try (var s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RealStack.script(
        "snmp",
        stack.dir().toString(),
        String.valueOf(port),
        Path.of("src/test/resources/snmprec").toAbsolutePath().toString());
    snmp = new Snmp4jTransport(new SnmpOptions(Duration.ofSeconds(2), 1, 25));
  }

  @AfterAll
  static void stop() {
    if (snmp != null) {
      snmp.close();
    }
  }

  static SnmpSwitch leaf(SnmpCredentials credentials) {
    return new SnmpSwitch(
        new SwitchTarget("rec-leaf1", Dialect.EOS, "127.0.0.1", 22, port), credentials, snmp);
  }

  static final LldpNeighbor[] NEIGHBOURS = {
    new LldpNeighbor("Ethernet1/1", "hv-rec1.dc1.example.net", "eth0"),
    new LldpNeighbor("Ethernet1/2", "hv-rec1.dc1.example.net", "eth1"),
    new LldpNeighbor("Ethernet1/3", "rec-spine1", "Ethernet49/1")
  };

  @Test
  @DisplayName("LLDP neighbours over v2c: ids decoded by subtype, time marks above 2^31 read")
  void neighboursV2c() {
    assertThat(leaf(new SnmpCredentials.V2c("rec-leaf1")).neighbors())
        .containsExactlyInAnyOrder(NEIGHBOURS);
  }

  @Test
  @DisplayName("the same over SNMPv3 authPriv, the recording chosen by the context name")
  void neighboursV3Context() {
    var v3 =
        new SnmpCredentials.V3("longhaul", "longhaul-auth-key", "longhaul-priv-key", "rec-leaf1");
    assertThat(leaf(v3).neighbors()).containsExactlyInAnyOrder(NEIGHBOURS);
  }

  @Test
  @DisplayName("an ifDescr padded with NUL gives a clean interface name")
  void interfaceNames() {
    assertThat(leaf(new SnmpCredentials.V2c("rec-leaf1")).interfaces())
        .extracting(InterfaceStatus::name)
        .containsExactly("Ethernet1/1", "Ethernet1/2", "Ethernet1/3")
        .allSatisfy(name -> assertThat(name).doesNotContain("\0"));
  }
}
