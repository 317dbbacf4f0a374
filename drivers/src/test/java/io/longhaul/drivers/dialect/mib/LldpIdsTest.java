package io.longhaul.drivers.dialect.mib;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.drivers.transport.snmp.SnmpRow;
import io.longhaul.drivers.transport.snmp.SnmpValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("LLDP-MIB identifiers by subtype")
class LldpIdsTest {
  static SnmpValue octets(byte... b) {
    return new SnmpValue("OCTET STRING", b, 0);
  }

  static SnmpValue text(String s) {
    return octets(s.getBytes(StandardCharsets.UTF_8));
  }

  static SnmpValue integer(int i) {
    return new SnmpValue("Integer32", null, i);
  }

  @Test
  @DisplayName("a MAC-subtype port id (lldpd's default) gives way to the port description")
  void macPortId() {
    var mac = octets((byte) 0x52, (byte) 0x54, (byte) 0, (byte) 0xab, (byte) 0xcd, (byte) 0xef);
    assertThat(LldpIds.port(LldpIds.PORT_MAC, mac.bytes())).isEqualTo("52:54:00:ab:cd:ef");
    assertThat(SnmpSwitch.portName(integer(LldpIds.PORT_MAC), mac, text("eth0"))).isEqualTo("eth0");
    assertThat(SnmpSwitch.portName(integer(LldpIds.PORT_MAC), mac, null))
        .isEqualTo("52:54:00:ab:cd:ef");
  }

  @Test
  @DisplayName("interface names keep their text, without control characters (a trailing NUL)")
  void names() {
    assertThat(
            SnmpSwitch.portName(integer(LldpIds.PORT_INTERFACE_NAME), text("Ethernet1/3\0"), null))
        .isEqualTo("Ethernet1/3");
    assertThat(LldpIds.text("hv1\r\n\u0000".getBytes(StandardCharsets.UTF_8))).isEqualTo("hv1");
  }

  @Test
  @DisplayName("network addresses by IANA family; chassis MACs in colon notation")
  void addresses() {
    assertThat(LldpIds.networkAddress(new byte[] {1, 10, 0, 0, 7})).isEqualTo("10.0.0.7");
    assertThat(LldpIds.chassis(LldpIds.CHASSIS_MAC, new byte[] {0, 1, 2, 3, 4, 5}))
        .isEqualTo("00:01:02:03:04:05");
    assertThat(LldpIds.port(LldpIds.PORT_AGENT_CIRCUIT_ID, new byte[] {1, (byte) 0xff}))
        .isEqualTo("01ff");
  }

  @Test
  @DisplayName("lldpRemTimeMark above 2^31 (TimeTicks) is read as unsigned")
  void timeMark() {
    var row = new SnmpRow("3000000000.7.1", Map.of());
    assertThat(row.unsignedIndexParts()).containsExactly(3_000_000_000L, 7L, 1L);
  }
}
