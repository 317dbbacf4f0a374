package io.longhaul.drivers.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Dialect;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CliValuesTest {

  /** Strings that would smuggle a second command into a CLI or a shell. */
  public static Stream<String> injections() {
    return Stream.of(
        "Ethernet1/1\nreload",
        "Ethernet1/1\rreload",
        "Ethernet1/1;reload",
        "Ethernet1/1|include x",
        "Ethernet1/1&&reboot",
        "Ethernet1/1'",
        "Ethernet1/1\"",
        "Ethernet1/1`id`",
        "Ethernet1/1$(id)",
        "Ethernet1/1\0",
        "Ethernet1/1\u2028reload",
        "Ethernet1/1\u2029reload",
        "Ethernet1/1\u0085reload",
        "Ethernet1/1 ",
        "x".repeat(10_000),
        "",
        "Ethernet１/1");
  }

  @Nested
  @DisplayName("interface names")
  class Interfaces {
    @ParameterizedTest
    @ValueSource(strings = {"Ethernet1/1", "Ethernet1/48", "Ethernet101/1/4", "port-channel10"})
    @DisplayName("NX-OS accepts its own spelling")
    void nxosValid(String name) {
      assertThat(CliValues.interfaceName("leaf1", Dialect.NXOS, name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ethernet1", "Ethernet49/1", "Port-Channel10", "Vxlan1"})
    @DisplayName("EOS accepts its own spelling")
    void eosValid(String name) {
      assertThat(CliValues.interfaceName("leaf3", Dialect.EOS, name)).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ethernet1", "Eth1/1", "ethernet1/1", "Ethernet0/1", "Vxlan1"})
    @DisplayName("NX-OS refuses other spellings")
    void nxosInvalid(String name) {
      assertThatThrownBy(() -> CliValues.interfaceName("leaf1", Dialect.NXOS, name))
          .isInstanceOf(DeviceException.InvalidParameter.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ethernet1/1/1/1", "Et1", "Ethernet0"})
    @DisplayName("EOS refuses other spellings")
    void eosInvalid(String name) {
      assertThatThrownBy(() -> CliValues.interfaceName("leaf3", Dialect.EOS, name))
          .isInstanceOf(DeviceException.InvalidParameter.class);
    }

    @ParameterizedTest
    @MethodSource("io.longhaul.drivers.cli.CliValuesTest#injections")
    @DisplayName(
        "injection strings are refused, named in the failure without raw control characters")
    void injection(String name) {
      assertThatThrownBy(() -> CliValues.interfaceName("leaf1", Dialect.NXOS, name))
          .isInstanceOfSatisfying(
              DeviceException.InvalidParameter.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.device()).isEqualTo("leaf1");
                assertThat(e.getMessage()).doesNotContain("\n", "\r", "\0", "\u2028", "\u0085");
                assertThat(e.getMessage().length()).isLessThan(300);
              });
    }
  }

  @Nested
  @DisplayName("free text and names")
  class Text {
    @ParameterizedTest
    @MethodSource("io.longhaul.drivers.cli.CliValuesTest#injections")
    @DisplayName("descriptions refuse injection strings")
    void descriptions(String text) {
      if (text.isEmpty()) {
        assertThat(CliValues.description("leaf1", text)).isEmpty();
        return;
      }
      assertThatThrownBy(() -> CliValues.description("leaf1", "hv " + text))
          .isInstanceOf(DeviceException.InvalidParameter.class);
    }

    @Test
    @DisplayName("descriptions allow ordinary labels")
    void descriptionOk() {
      assertThat(CliValues.description("leaf1", "hv-sha-01 eth0 (rack 3/u12)"))
          .isEqualTo("hv-sha-01 eth0 (rack 3/u12)");
    }

    @ParameterizedTest
    @MethodSource("io.longhaul.drivers.cli.CliValuesTest#injections")
    @DisplayName("change ids, domains, OVS ports, iface ids and MACs refuse injection strings")
    void names(String text) {
      if (text.isEmpty()) {
        return; // "a" alone is a fine name
      }
      String v = "a" + text;
      assertThatThrownBy(() -> CliValues.changeId("d", v)).isInstanceOf(DeviceException.class);
      assertThatThrownBy(() -> CliValues.domainName("d", v)).isInstanceOf(DeviceException.class);
      assertThatThrownBy(() -> CliValues.ovsPort("d", v)).isInstanceOf(DeviceException.class);
      assertThatThrownBy(() -> CliValues.ifaceId("d", v)).isInstanceOf(DeviceException.class);
      assertThatThrownBy(() -> CliValues.mac("d", v)).isInstanceOf(DeviceException.class);
    }

    @Test
    @DisplayName("well-formed values pass")
    void valid() {
      assertThat(CliValues.changeId("d", "chg-2026_11")).isEqualTo("chg-2026_11");
      assertThat(CliValues.domainName("d", "vm-42.tenant")).isEqualTo("vm-42.tenant");
      assertThat(CliValues.ovsPort("d", "tap3f2a9c1e-01")).isEqualTo("tap3f2a9c1e-01");
      assertThat(CliValues.ifaceId("d", "3f2a9c1e-0b1d-4c5e-9f00-1a2b3c4d5e6f")).startsWith("3f2a");
      assertThat(CliValues.mac("d", "52:54:00:12:34:56")).isEqualTo("52:54:00:12:34:56");
    }

    @Test
    @DisplayName("multicast MACs, too-long port names and too-long change ids are refused")
    void edges() {
      assertThatThrownBy(() -> CliValues.mac("d", "01:00:5e:00:00:01"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
      assertThatThrownBy(() -> CliValues.ovsPort("d", "tap0123456789abc"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
      assertThatThrownBy(() -> CliValues.changeId("d", "c".repeat(41)))
          .isInstanceOf(DeviceException.InvalidParameter.class);
    }
  }

  @Nested
  @DisplayName("numbers")
  class Numbers {
    @ParameterizedTest
    @ValueSource(ints = {0, -1, 4095, 65535, Integer.MIN_VALUE})
    @DisplayName("VLANs outside 1-4094 are refused")
    void vlan(int vlan) {
      assertThatThrownBy(() -> CliValues.vlan("leaf1", vlan))
          .isInstanceOf(DeviceException.InvalidParameter.class)
          .hasMessageContaining("leaf1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -5, 16_777_216, Integer.MAX_VALUE})
    @DisplayName("VNIs outside 1-16777215 are refused")
    void vni(int vni) {
      assertThatThrownBy(() -> CliValues.vni("leaf1", vni))
          .isInstanceOf(DeviceException.InvalidParameter.class);
    }

    @Test
    @DisplayName("range bounds are accepted")
    void bounds() {
      assertThat(CliValues.vlan("l", 1)).isEqualTo(1);
      assertThat(CliValues.vlan("l", 4094)).isEqualTo(4094);
      assertThat(CliValues.vni("l", 16_777_215)).isEqualTo(16_777_215);
    }
  }
}
