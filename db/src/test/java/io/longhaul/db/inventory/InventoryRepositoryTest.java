package io.longhaul.db.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.db.NotFoundException;
import io.longhaul.db.testing.TestDatabase;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InventoryRepositoryTest {
  DSLContext db;
  SiteRepository sites;
  SwitchRepository switches;
  HypervisorRepository hypervisors;
  HostLinkRepository links;
  NetworkRepository networks;
  Site site;

  @BeforeEach
  void setUp() {
    db = TestDatabase.dsl();
    sites = new SiteRepository(db);
    switches = new SwitchRepository(db);
    hypervisors = new HypervisorRepository(db);
    links = new HostLinkRepository(db);
    networks = new NetworkRepository(db);
    site = sites.create(new Site.Spec("sha", "Shanghai", "Asia/Shanghai"));
  }

  NetworkSwitch leaf(String name, String address) {
    return switches.create(
        new NetworkSwitch.Spec(
            site.id(), name, "leaf", "nxos", "pair1", address, 22, 161, null, null, ""));
  }

  Hypervisor host(String name, String address) {
    return hypervisors.create(
        new Hypervisor.Spec(
            site.id(),
            name,
            address,
            22,
            null,
            32,
            131072,
            new BigDecimal("2.0"),
            new BigDecimal("1.2"),
            false));
  }

  @Nested
  @DisplayName("sites")
  class Sites {
    @Test
    @DisplayName("round-trip through create, find by code, update and delete")
    void crud() {
      assertThat(sites.findByCode("sha")).contains(site);
      Site renamed = sites.update(site.id(), new Site.Spec("sha", "Shanghai DC1", "Asia/Shanghai"));
      assertThat(renamed.name()).isEqualTo("Shanghai DC1");
      sites.delete(site.id());
      assertThat(sites.find(site.id())).isEmpty();
      assertThatThrownBy(() -> sites.delete(site.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    @DisplayName("a duplicate code or a malformed code is refused by the database")
    void constraints() {
      assertThatThrownBy(() -> sites.create(new Site.Spec("sha", "again", "UTC")))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("site_code_key");
      assertThatThrownBy(() -> sites.create(new Site.Spec("Bad Code!", "x", "UTC")))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("site_code_check");
    }
  }

  @Nested
  @DisplayName("switches and hypervisors")
  class Devices {
    @Test
    @DisplayName("keep inet addresses as text and refuse an address that is not one")
    void inet() {
      NetworkSwitch leaf = leaf("leaf1", "127.1.0.1");
      assertThat(switches.findByName("leaf1")).contains(leaf);
      assertThat(leaf.mgmtAddress()).isEqualTo("127.1.0.1");
      assertThatThrownBy(() -> leaf("leaf2", "not-an-ip")).isInstanceOf(DataAccessException.class);
    }

    @Test
    @DisplayName("refuse two switches at one SSH endpoint, or at one SNMP agent, port and context")
    void uniqueEndpoint() {
      var credentials =
          new io.longhaul.db.credential.CredentialRepository(
              db, new io.longhaul.db.credential.CredentialCipher(new byte[32]));
      long ssh =
          credentials
              .create(
                  new io.longhaul.db.credential.Credential.Spec("ssh", "ssh-password", "u", "p"))
              .id();
      long snmp =
          credentials
              .create(new io.longhaul.db.credential.Credential.Spec("snmp", "snmp-v2c", null, "c"))
              .id();
      switches.create(spec("leaf1", 22, 161, ssh, snmp, ""));
      assertThatThrownBy(() -> switches.create(spec("leaf2", 22, 1161, ssh, snmp, "")))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("switch_ssh_endpoint");
      assertThatThrownBy(() -> switches.create(spec("leaf2", 2222, 161, ssh, snmp, "")))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("switch_snmp_endpoint");
      // SSH and SNMP independent: one agent, another context; SNMP only, on the SSH port in use
      switches.create(spec("leaf2", 2222, 161, ssh, snmp, "leaf2"));
      switches.create(spec("leaf3", 22, 161, null, snmp, "leaf3"));
    }

    NetworkSwitch.Spec spec(
        String name, int sshPort, int snmpPort, Long ssh, Long snmp, String context) {
      return new NetworkSwitch.Spec(
          site.id(),
          name,
          "leaf",
          "nxos",
          "pair1",
          "127.1.0.1",
          sshPort,
          snmpPort,
          ssh,
          snmp,
          context);
    }

    @Test
    @DisplayName("refuse an over-commit ratio below one")
    void overcommit() {
      assertThatThrownBy(
              () ->
                  hypervisors.create(
                      new Hypervisor.Spec(
                          site.id(),
                          "hv1",
                          "127.2.0.1",
                          22,
                          null,
                          32,
                          1024,
                          new BigDecimal("0.5"),
                          BigDecimal.ONE,
                          false)))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("hypervisor_cpu_overcommit_check");
    }

    @Test
    @DisplayName("give a switch interface and a NIC one peer each")
    void oneCablePerPort() {
      NetworkSwitch leaf = leaf("leaf1", "127.1.0.1");
      Hypervisor hv1 = host("hv1", "127.2.0.1");
      Hypervisor hv2 = host("hv2", "127.2.0.2");
      links.create(new HostLink.Spec(hv1.id(), "eth0", leaf.id(), "Ethernet1/1", "declared"));
      assertThat(links.listByHypervisor(hv1.id()))
          .singleElement()
          .extracting(HostLink::interfaceName)
          .isEqualTo("Ethernet1/1");
      assertThatThrownBy(
              () ->
                  links.create(
                      new HostLink.Spec(hv2.id(), "eth0", leaf.id(), "Ethernet1/1", "declared")))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("host_link_switch_id_interface_key");
    }
  }

  @Nested
  @DisplayName("networks")
  class Networks {
    @Test
    @DisplayName("are found by label")
    void byLabel() {
      networks.create(
          new Network.Spec(
              site.id(), "prod-a", List.of("prod-env"), "10.1.0.0/20", "10.1.0.1", 100, 10100));
      networks.create(
          new Network.Spec(
              site.id(), "test-a", List.of("test-env"), "10.2.0.0/24", "10.2.0.1", 200, 10200));
      assertThat(networks.findByLabel(site.id(), "prod-env"))
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.name()).isEqualTo("prod-a");
                assertThat(n.cidr()).isEqualTo("10.1.0.0/20");
                assertThat(n.labels()).containsExactly("prod-env");
              });
    }

    @Test
    @DisplayName("of one site never overlap, and the gateway lies inside the CIDR")
    void overlapAndGateway() {
      networks.create(
          new Network.Spec(site.id(), "a", List.of(), "10.1.0.0/20", "10.1.0.1", 100, null));
      assertThatThrownBy(
              () ->
                  networks.create(
                      new Network.Spec(
                          site.id(), "b", List.of(), "10.1.4.0/24", "10.1.4.1", 101, null)))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("network_site_id_cidr_excl");
      assertThatThrownBy(
              () ->
                  networks.create(
                      new Network.Spec(
                          site.id(), "c", List.of(), "10.9.0.0/24", "10.8.0.1", 102, null)))
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("network_check");
    }

    @Test
    @DisplayName("refuse a VLAN outside 1-4094 and a VNI outside 24 bits")
    void ranges() {
      assertThatThrownBy(
              () ->
                  networks.create(
                      new Network.Spec(
                          site.id(), "a", List.of(), "10.1.0.0/24", "10.1.0.1", 4095, null)))
          .isInstanceOf(DataAccessException.class);
      assertThatThrownBy(
              () ->
                  networks.create(
                      new Network.Spec(
                          site.id(), "a", List.of(), "10.1.0.0/24", "10.1.0.1", 10, 16_777_216)))
          .isInstanceOf(DataAccessException.class);
    }
  }
}
