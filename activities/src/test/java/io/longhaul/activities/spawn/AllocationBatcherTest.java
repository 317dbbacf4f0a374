package io.longhaul.activities.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.spawn.AllocateRequest;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.Network;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.ipam.Allocation;
import io.longhaul.db.ipam.PortRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Group commit of single-port allocations, on real PostgreSQL through {@link IpamActivitiesImpl}.
 */
class AllocationBatcherTest {
  SpawnDatabase db;
  HeldPorts ports;
  IpamActivitiesImpl ipam;
  Network web;
  ExecutorService pool = Executors.newFixedThreadPool(16);

  /**
   * The real repository, except that an allocation with the key "hold" waits for the test to let it
   * go: while it leads its batch of one, the requests behind it queue up and form the next.
   */
  static final class HeldPorts extends PortRepository {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    HeldPorts(org.jooq.DSLContext dsl) {
      super(dsl);
    }

    @Override
    public Optional<Allocation> allocate(String site, long networkId, String name, String key) {
      if ("hold".equals(key)) {
        entered.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }
      return super.allocate(site, networkId, name, key);
    }
  }

  @BeforeEach
  void setUp() {
    db = new SpawnDatabase(8);
    ports = new HeldPorts(db.dsl);
    var networks = new NetworkRepository(db.dsl);
    var sites = new SiteRepository(db.dsl);
    ipam =
        new IpamActivitiesImpl(
            ports, networks, sites, new HypervisorRepository(db.dsl), db.transactions);
    Site sha = sites.create(new Site.Spec("sha", "Shanghai", "Asia/Shanghai"));
    web =
        networks.create(
            new Network.Spec(
                sha.id(), "web", List.of("web"), "10.1.0.0/22", "10.1.0.1", 100, 10100));
  }

  @AfterEach
  void tearDown() {
    pool.shutdownNow();
    db.close();
  }

  Future<PortLease> allocate(String name, String key) {
    return pool.submit(
        () -> ipam.allocatePort(new AllocateRequest("sha", web.id(), null, name, key)));
  }

  /** Starts a held leader, then the given requests, and waits until they all queue behind it. */
  Future<PortLease> holdThenQueue(Runnable submit, int count) throws Exception {
    Future<PortLease> leader = allocate(null, "hold");
    assertThat(ports.entered.await(10, TimeUnit.SECONDS)).isTrue();
    submit.run();
    while (ipam.batcher.queued() < count) {
      Thread.sleep(1);
    }
    ports.release.countDown();
    return leader;
  }

  @Test
  @DisplayName("requests that arrive while a batch runs share the next statement and commit")
  void batchForms() throws Exception {
    List<Future<PortLease>> members = new ArrayList<>();
    Future<PortLease> leader =
        holdThenQueue(
            () -> {
              for (int i = 0; i < 10; i++) {
                members.add(allocate(null, "run-1/" + i));
              }
            },
            10);
    var addresses = new HashSet<String>();
    addresses.add(leader.get(10, TimeUnit.SECONDS).ip());
    for (Future<PortLease> f : members) {
      PortLease p = f.get(10, TimeUnit.SECONDS);
      assertThat(p.created()).isTrue();
      addresses.add(p.ip());
    }
    assertThat(addresses).hasSize(11);
    assertThat(ipam.batcher.sharedCommits.get()).isEqualTo(1);
    assertThat(ipam.batcher.sharedMembers.get()).isEqualTo(10);
    assertThat(ports.list()).hasSize(11);
  }

  @Test
  @DisplayName("a member that fails its batch fails alone; the rest run again alone and succeed")
  void failingMember() throws Exception {
    List<Future<PortLease>> good = new ArrayList<>();
    List<Future<PortLease>> bad = new ArrayList<>();
    Future<PortLease> leader =
        holdThenQueue(
            () -> {
              good.add(allocate(null, "run-1/0"));
              // The name's check constraint fails the batch's statement.
              bad.add(allocate("Not A Name!", "run-1/1"));
              good.add(allocate(null, "run-1/2"));
            },
            3);
    leader.get(10, TimeUnit.SECONDS);
    for (Future<PortLease> f : good) {
      assertThat(f.get(10, TimeUnit.SECONDS).created()).isTrue();
    }
    try {
      bad.getFirst().get(10, TimeUnit.SECONDS);
      throw new AssertionError("the invalid name was allocated");
    } catch (java.util.concurrent.ExecutionException e) {
      // Typed as an unbatched allocation would fail: the statement's own error, retried alone.
      assertThat(e.getCause()).isInstanceOf(DataIntegrityViolationException.class);
    }
    // The batch's statement failed whole; all three ran again alone.
    assertThat(ipam.batcher.sharedCommits.get()).isZero();
    assertThat(ipam.batcher.retriedAlone.get()).isEqualTo(3);
    assertThat(ports.list())
        .extracting(p -> p.allocationKey())
        .containsExactlyInAnyOrder("hold", "run-1/0", "run-1/2");
  }

  @Test
  @DisplayName("the same key twice in one batch, and again in a later one, gets the same port")
  void sameKey() throws Exception {
    List<Future<PortLease>> same = new ArrayList<>();
    Future<PortLease> leader =
        holdThenQueue(
            () -> {
              same.add(allocate(null, "run-1/0"));
              same.add(allocate(null, "run-1/1"));
              same.add(allocate(null, "run-1/0"));
            },
            3);
    leader.get(10, TimeUnit.SECONDS);
    PortLease first = same.get(0).get(10, TimeUnit.SECONDS);
    PortLease other = same.get(1).get(10, TimeUnit.SECONDS);
    PortLease again = same.get(2).get(10, TimeUnit.SECONDS);
    assertThat(ipam.batcher.sharedCommits.get()).isEqualTo(1);
    assertThat(again).isEqualTo(first);
    assertThat(other.portId()).isNotEqualTo(first.portId());
    assertThat(allocate(null, "run-1/0").get(10, TimeUnit.SECONDS)).isEqualTo(first);
    assertThat(ports.list()).hasSize(3);
  }

  @Test
  @DisplayName("16 concurrent allocators all succeed with distinct addresses, in shared commits")
  void concurrent() throws Exception {
    int threads = 16;
    int each = 40;
    Map<String, String> byKey = new ConcurrentHashMap<>();
    var start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  String key = "run-" + thread + "/" + i;
                  PortLease p =
                      ipam.allocatePort(new AllocateRequest("sha", web.id(), null, null, key));
                  byKey.put(key, p.ip());
                  // Every fourth allocation is retried, as a Temporal retry would.
                  if (i % 4 == 0) {
                    assertThat(
                            ipam.allocatePort(new AllocateRequest("sha", web.id(), null, null, key))
                                .ip())
                        .isEqualTo(p.ip());
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    assertThat(byKey).hasSize(threads * each);
    assertThat(new HashSet<>(byKey.values())).hasSize(threads * each);
    assertThat(ports.list()).hasSize(threads * each);
    // Batches formed: some commit carried more than one allocation.
    assertThat(ipam.batcher.sharedCommits.get()).isPositive();
    assertThat(ipam.batcher.sharedMembers.get()).isGreaterThan(ipam.batcher.sharedCommits.get());
  }
}
