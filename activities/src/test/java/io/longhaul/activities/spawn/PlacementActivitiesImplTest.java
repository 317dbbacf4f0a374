package io.longhaul.activities.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.spawn.InstanceRef;
import io.longhaul.contracts.spawn.Placement;
import io.longhaul.db.instance.Instance;
import io.longhaul.db.instance.InstanceRepository;
import io.longhaul.db.instance.PlacementRepository;
import io.longhaul.db.instance.Reservation;
import io.longhaul.db.inventory.HostLinkRepository;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.inventory.SwitchRepository;
import io.longhaul.db.ipam.PortRepository;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlacementActivitiesImplTest {
  static final int HOSTS = 4;
  static final int VCPUS_PER_HOST = 16; // 8 cores × 2.0
  static final int INSTANCE_VCPUS = 2;

  SpawnDatabase db;
  InstanceRepository instances;
  PlacementRepository placements;
  HypervisorRepository hypervisors;
  PlacementActivitiesImpl placement;
  Site site;

  @BeforeEach
  void setUp() {
    db = new SpawnDatabase(16);
    instances = new InstanceRepository(db.dsl);
    placements = new PlacementRepository(db.dsl);
    hypervisors = new HypervisorRepository(db.dsl);
    var sites = new SiteRepository(db.dsl);
    placement =
        new PlacementActivitiesImpl(
            instances,
            placements,
            sites,
            new NetworkRepository(db.dsl),
            hypervisors,
            new SwitchRepository(db.dsl),
            new HostLinkRepository(db.dsl),
            new PortRepository(db.dsl),
            db.transactions);
    site = sites.create(new Site.Spec("sha", "Shanghai", "Asia/Shanghai"));
    for (int h = 0; h < HOSTS; h++) {
      hypervisors.create(
          new Hypervisor.Spec(
              site.id(),
              "kvm-" + h,
              "10.0.0." + (10 + h),
              22,
              null,
              8,
              65536,
              new BigDecimal("2.0"),
              new BigDecimal("1.0"),
              false));
    }
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  Instance claim(String name, String group) {
    return instances.claim(
        new Instance.Spec(name, "vm", site.id(), INSTANCE_VCPUS, 1024, group, "run-" + name));
  }

  @Test
  @DisplayName("a burst of reservations deadlocks never, over-commits never, and fills every host")
  void burst() throws Exception {
    int wanted = 3 * HOSTS * VCPUS_PER_HOST / INSTANCE_VCPUS / 2; // 1.5 × what fits
    List<String> names = new ArrayList<>();
    for (int i = 0; i < wanted; i++) {
      names.add(claim("vm-" + i, null).name());
    }
    var failures = new ConcurrentLinkedQueue<Throwable>();
    var placed = new ConcurrentLinkedQueue<Placement>();
    var start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<?>> done = new ArrayList<>();
    for (String name : names) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  placed.add(placement.reserve(new InstanceRef("run-" + name, name)));
                } catch (RuntimeException e) {
                  failures.add(e);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(failures).noneMatch(PlacementActivitiesImplTest::deadlock);
    assertThat(failures)
        .allSatisfy(
            f ->
                assertThat(f)
                    .isInstanceOfSatisfying(
                        ApplicationFailure.class,
                        a -> assertThat(a.getType()).isEqualTo(FailureTypes.NO_CAPACITY)));
    int fit = HOSTS * VCPUS_PER_HOST / INSTANCE_VCPUS;
    assertThat(placed).hasSize(fit);
    Map<Long, Integer> vcpusByHost =
        placements.list().stream()
            .collect(
                Collectors.groupingBy(
                    Reservation::hypervisorId, Collectors.summingInt(Reservation::vcpus)));
    assertThat(vcpusByHost).hasSize(HOSTS).allSatisfy((h, v) -> assertThat(v).isEqualTo(16));
    for (Placement p : placed) {
      Instance i = instances.findByName(p.instance()).orElseThrow();
      assertThat(hypervisors.get(i.hypervisorId()).name()).isEqualTo(p.hypervisor());
    }
  }

  @Test
  @DisplayName("concurrent members of one anti-affinity group land on distinct hosts")
  void antiAffinity() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < HOSTS + 2; i++) {
      names.add(claim("db-" + i, "db").name());
    }
    var failures = new ConcurrentLinkedQueue<Throwable>();
    ExecutorService pool = Executors.newFixedThreadPool(names.size());
    var start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (String name : names) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  placement.reserve(new InstanceRef("run-" + name, name));
                } catch (RuntimeException e) {
                  failures.add(e);
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    assertThat(failures).noneMatch(PlacementActivitiesImplTest::deadlock).hasSize(2);
    assertThat(placements.list())
        .hasSize(HOSTS)
        .extracting(Reservation::hypervisorId)
        .doesNotHaveDuplicates();
  }

  /** PostgreSQL's deadlock detector chose this transaction as the victim (SQLState 40P01). */
  static boolean deadlock(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SQLException s && "40P01".equals(s.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
