package io.longhaul.db.ipam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.db.inventory.Network;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PortRepositoryTest {
  DSLContext db;
  PortRepository ports;
  NetworkRepository networks;
  Site site;
  Network net;

  @BeforeEach
  void setUp() {
    db = TestDatabase.dsl();
    ports = new PortRepository(db);
    networks = new NetworkRepository(db);
    SiteRepository sites = new SiteRepository(db);
    site = sites.create(new Site.Spec("sha", "Shanghai", "Asia/Shanghai"));
    sites.create(new Site.Spec("fra", "Frankfurt", "Europe/Berlin"));
    net = network("web", "10.1.0.0/24", "10.1.0.1", 100);
  }

  Network network(String name, String cidr, String gateway, int vlan) {
    return networks.create(
        new Network.Spec(site.id(), name, List.of("web"), cidr, gateway, vlan, 10000 + vlan));
  }

  @Test
  @DisplayName("an allocation takes the lowest free address and returns the port with its network")
  void lowestFree() {
    Allocation a = ports.allocate("sha", net.id(), "web-1", "run-1/ipam/0").orElseThrow();
    assertThat(a.port().address()).isEqualTo("10.1.0.2");
    assertThat(a.port().name()).isEqualTo("web-1");
    assertThat(a.port().allocationKey()).isEqualTo("run-1/ipam/0");
    assertThat(a.port().status()).isEqualTo(Port.RESERVED);
    assertThat(a.port().mac()).startsWith("02:4c:");
    assertThat(a.network()).isEqualTo(net);
    assertThat(ports.find(a.port().id())).contains(a.port());
    Allocation b = ports.allocate("sha", net.id(), null, "run-1/ipam/1").orElseThrow();
    assertThat(b.port().address()).isEqualTo("10.1.0.3");
    assertThat(b.port().mac()).isNotEqualTo(a.port().mac());
    assertThat(ports.usage(net.id())).isEqualTo(new NetworkUsage(net.id(), 2, 251));
  }

  @Test
  @DisplayName("a name or allocation key that has a port already takes no second address")
  void guards() {
    Port first = ports.allocate("sha", net.id(), "web-1", "k1").orElseThrow().port();
    assertThat(ports.allocate("sha", net.id(), null, "k1")).isEmpty();
    assertThat(ports.allocate("sha", net.id(), "web-1", "k2")).isEmpty();
    assertThat(ports.list()).containsExactly(first);
    assertThat(ports.usage(net.id()).free()).isEqualTo(252);
  }

  @Test
  @DisplayName("a network of another site, an unknown network and a full one allocate nothing")
  void nothingToTake() {
    assertThat(ports.allocate("fra", net.id(), null, "k1")).isEmpty();
    assertThat(ports.allocate("sha", net.id() + 1000, null, "k1")).isEmpty();
    Network tiny = network("tiny", "10.2.0.0/30", "10.2.0.1", 101); // one host address: .2
    assertThat(ports.allocate("sha", tiny.id(), null, "k1")).isPresent();
    assertThat(ports.allocate("sha", tiny.id(), null, "k2")).isEmpty();
    assertThat(ports.list()).hasSize(1);
  }

  @Test
  @DisplayName("a deleted port's address goes back on the free list and is taken again")
  void release() {
    Port p = ports.allocate("sha", net.id(), null, "k1").orElseThrow().port();
    assertThat(ports.delete(p.id())).isTrue();
    assertThat(ports.usage(net.id())).isEqualTo(new NetworkUsage(net.id(), 0, 253));
    assertThat(ports.allocate("sha", net.id(), null, "k2").orElseThrow().port().address())
        .isEqualTo(p.address());
  }

  @Test
  @DisplayName("two first attempts with one key race: one port, the loser's address stays free")
  void racingKey() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    var allocated = new CountDownLatch(1);
    var commit = new CountDownLatch(1);
    Future<?> first =
        pool.submit(
            () ->
                db.transaction(
                    c -> {
                      new PortRepository(DSL.using(c)).allocate("sha", net.id(), null, "k1");
                      allocated.countDown();
                      commit.await();
                    }));
    allocated.await();
    // The first port is not committed, so the second attempt's guard passes; it takes the next
    // address (SKIP LOCKED) and its insert waits on the unique key until the first commits.
    Future<Optional<Allocation>> second =
        pool.submit(() -> ports.allocate("sha", net.id(), null, "k1"));
    while (((Number) db.fetchValue("select count(*) from pg_locks where not granted")).intValue()
        == 0) {
      Thread.sleep(10);
    }
    commit.countDown();
    first.get();
    assertThatThrownBy(second::get)
        .cause()
        .isInstanceOfSatisfying(
            DataAccessException.class, e -> assertThat(e.sqlState()).isEqualTo("23505"));
    pool.shutdown();
    assertThat(ports.usage(net.id())).isEqualTo(new NetworkUsage(net.id(), 1, 252));
    assertThat(ports.findByAllocationKey("k1").orElseThrow().address()).isEqualTo("10.1.0.2");
  }

  @Test
  @DisplayName("concurrent allocators never take one address twice and lose none")
  void concurrent() throws Exception {
    int allocators = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(allocators);
    List<Future<List<String>>> results = new ArrayList<>();
    for (int a = 0; a < allocators; a++) {
      int allocator = a;
      Callable<List<String>> work =
          () -> {
            List<String> mine = new ArrayList<>();
            for (int i = 0; i < each; i++) {
              mine.add(
                  ports
                      .allocate("sha", net.id(), null, "k-" + allocator + "-" + i)
                      .orElseThrow()
                      .port()
                      .address());
            }
            return mine;
          };
      results.add(pool.submit(work));
    }
    Set<String> addresses = new HashSet<>();
    int count = 0;
    for (Future<List<String>> f : results) {
      for (String address : f.get()) {
        addresses.add(address);
        count++;
      }
    }
    pool.shutdown();
    assertThat(addresses).hasSize(allocators * each);
    assertThat(count).isEqualTo(allocators * each);
    assertThat(ports.usage(net.id()))
        .isEqualTo(new NetworkUsage(net.id(), allocators * each, 253 - allocators * each));
  }
}
