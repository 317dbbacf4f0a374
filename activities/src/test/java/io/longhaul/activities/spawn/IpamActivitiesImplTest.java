package io.longhaul.activities.spawn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.spawn.AllocateRequest;
import io.longhaul.contracts.spawn.BulkAllocateRequest;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.Network;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.ipam.PortRepository;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class IpamActivitiesImplTest {
  SpawnDatabase db;
  PortRepository ports;
  NetworkRepository networks;
  IpamActivitiesImpl ipam;
  Network web;

  @BeforeEach
  void setUp() {
    db = new SpawnDatabase(4);
    ports = new PortRepository(db.dsl);
    networks = new NetworkRepository(db.dsl);
    var sites = new SiteRepository(db.dsl);
    ipam =
        new IpamActivitiesImpl(
            ports, networks, sites, new HypervisorRepository(db.dsl), db.transactions);
    Site sha = sites.create(new Site.Spec("sha", "Shanghai", "Asia/Shanghai"));
    sites.create(new Site.Spec("fra", "Frankfurt", "Europe/Berlin"));
    web = network(sha, "web", "10.1.0.0/24", "10.1.0.1", 100);
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  Network network(Site site, String name, String cidr, String gateway, int vlan) {
    return networks.create(
        new Network.Spec(site.id(), name, List.of("web"), cidr, gateway, vlan, 10000 + vlan));
  }

  PortLease allocate(Long networkId, String label, String name, String key) {
    return ipam.allocatePort(new AllocateRequest("sha", networkId, label, name, key));
  }

  @Test
  @DisplayName("a new port carries its address, MAC and the network's gateway, VLAN and VNI")
  void lease() {
    PortLease p = allocate(web.id(), null, "web-1", "run-1/0");
    assertThat(p.ip()).isEqualTo("10.1.0.2");
    assertThat(p.prefixLength()).isEqualTo(24);
    assertThat(p.gateway()).isEqualTo("10.1.0.1");
    assertThat(p.network()).isEqualTo("web");
    assertThat(p.networkId()).isEqualTo(web.id());
    assertThat(p.vlan()).isEqualTo(100);
    assertThat(p.vni()).isEqualTo(10100);
    assertThat(p.mac()).startsWith("02:4c:");
    assertThat(p.status()).isEqualTo("reserved");
    assertThat(p.hypervisor()).isNull();
    assertThat(p.created()).isTrue();
  }

  @Test
  @DisplayName(
      "a retried allocation returns the port the first took; a taken name returns its port")
  void idempotent() {
    PortLease first = allocate(web.id(), null, null, "run-1/0");
    assertThat(allocate(web.id(), null, null, "run-1/0")).isEqualTo(first);
    PortLease named = allocate(web.id(), null, "web-1", "run-1/1");
    PortLease again = allocate(web.id(), null, "web-1", "run-2/0");
    assertThat(again.portId()).isEqualTo(named.portId());
    assertThat(again.created()).isFalse();
    assertThat(ports.list()).hasSize(2);
  }

  @Test
  @DisplayName("by label: the first labelled network with room")
  void byLabel() {
    PortLease p = allocate(null, "web", null, "run-1/0");
    assertThat(p.networkId()).isEqualTo(web.id());
    assertThat(allocate(null, "web", null, "run-1/0")).isEqualTo(p);
  }

  @Test
  @DisplayName("errors name what is missing: site, network, the network's site, room")
  void errors() {
    assertThatThrownBy(
            () -> ipam.allocatePort(new AllocateRequest("nyc", web.id(), null, null, "k")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.NOT_FOUND));
    assertThatThrownBy(() -> allocate(web.id() + 1000, null, null, "k"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.NOT_FOUND));
    assertThatThrownBy(
            () -> ipam.allocatePort(new AllocateRequest("fra", web.id(), null, null, "k")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.INVALID_PARAMETER));
    Network tiny =
        network(
            new SiteRepository(db.dsl).findByCode("sha").orElseThrow(),
            "tiny",
            "10.2.0.0/30",
            "10.2.0.1",
            101);
    allocate(tiny.id(), null, null, "k1");
    assertThatThrownBy(() -> allocate(tiny.id(), null, null, "k2"))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.NO_CAPACITY));
    assertThat(ports.list()).hasSize(1);
  }

  @Test
  @DisplayName("a bulk allocation lands whole or not at all, and a retry returns the same ports")
  void bulk() {
    var request = new BulkAllocateRequest("sha", web.id(), null, 3, "run-1/bulk");
    List<PortLease> first = ipam.allocatePorts(request);
    assertThat(first).extracting(PortLease::ip).containsExactly("10.1.0.2", "10.1.0.3", "10.1.0.4");
    assertThat(ipam.allocatePorts(request)).isEqualTo(first);
    assertThatThrownBy(
            () -> ipam.allocatePorts(new BulkAllocateRequest("sha", web.id(), null, 300, "big")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(FailureTypes.NO_CAPACITY));
    assertThat(ports.list()).hasSize(3);
    assertThat(ports.usage(web.id()).free()).isEqualTo(250);
  }
}
