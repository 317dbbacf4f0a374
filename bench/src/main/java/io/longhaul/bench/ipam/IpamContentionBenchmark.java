package io.longhaul.bench.ipam;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.longhaul.activities.spawn.IpamActivitiesImpl;
import io.longhaul.bench.core.BenchConfig;
import io.longhaul.bench.core.BenchDatabase;
import io.longhaul.bench.core.Benchmark;
import io.longhaul.bench.core.Check;
import io.longhaul.bench.core.Cpu;
import io.longhaul.bench.core.Scenario;
import io.longhaul.bench.core.Trial;
import io.longhaul.contracts.spawn.AllocateRequest;
import io.longhaul.contracts.spawn.PortLease;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.ipam.PortRepository;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.springframework.boot.jooq.autoconfigure.ExceptionTranslatorExecuteListener;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * B5: concurrent address allocations on one /20. Longhaul: the spawn's own {@code
 * IpamActivitiesImpl.allocatePort} (one statement: site and network checked, name and
 * allocation-key guards, free address taken {@code FOR UPDATE SKIP LOCKED}, port inserted,
 * committed on its own). Naive: the network's row locked {@code SELECT … FOR UPDATE}, then the
 * lowest free address deleted and the port inserted, in one transaction: allocations on a network
 * queue behind each other.
 */
public final class IpamContentionBenchmark implements Benchmark {
  static final String CIDR = "10.64.0.0/20";

  @Override
  public String name() {
    return "b5-ipam-contention";
  }

  @Override
  public String title() {
    return "B5 IPAM contention: free list with SKIP LOCKED against a naive SELECT … FOR UPDATE";
  }

  @Override
  public String targets() {
    return "≥ 2,000 allocations/s at 8 allocators and ≥ 3× the naive allocator; duplicates 0;"
        + " allocations/s and p99 at 1, 2, 4, 8, 16 allocators";
  }

  @Override
  public List<Scenario> run(BenchConfig config, List<String> notes) throws Exception {
    List<Integer> allocators = config.smoke() ? List.of(1, 8) : List.of(1, 2, 4, 8, 16);
    int perTrial = config.smoke() ? 100 : 2000;
    var scenarios = new ArrayList<Scenario>();
    try (BenchDatabase db = BenchDatabase.create();
        HikariDataSource pool = pool(db)) {
      long networkId = setUp(db);
      // Wired as the application's jOOQ is: Spring's transactions and exception translation.
      DSLContext dsl =
          DSL.using(
              new DefaultConfiguration()
                  .set(new TransactionAwareDataSourceProxy(pool))
                  .set(SQLDialect.POSTGRES)
                  .set(ExceptionTranslatorExecuteListener.DEFAULT));
      var transactions = new DataSourceTransactionManager(pool);
      var ports = new PortRepository(dsl);
      var ipam =
          new IpamActivitiesImpl(
              ports,
              new NetworkRepository(dsl),
              new SiteRepository(dsl),
              new HypervisorRepository(dsl),
              transactions);
      var tx = new TransactionTemplate(transactions);
      var trials = new AtomicInteger();
      for (int k : allocators) {
        var s =
            new Scenario(k + " allocator" + (k == 1 ? "" : "s"))
                .parameter("allocators", k)
                .parameter("allocationsPerTrial", perTrial)
                .parameter("network", CIDR + " (4,093 host addresses)")
                .parameter("connectionPool", pool.getMaximumPoolSize());
        s.variant(
            "longhaul",
            "IpamActivitiesImpl.allocatePort: one statement (free address taken FOR UPDATE SKIP"
                + " LOCKED, port inserted), committed on its own",
            trial(
                db,
                k,
                perTrial,
                i -> {
                  PortLease p =
                      ipam.allocatePort(
                          new AllocateRequest(
                              "b5", networkId, null, null, "b5-" + trials.get() + "-" + i));
                  return p.ip();
                },
                trials));
        s.variant(
            "naive",
            "SELECT … FOR UPDATE on the network row, then the lowest free address deleted and the"
                + " port inserted, one transaction",
            trial(
                db,
                k,
                perTrial,
                i -> tx.execute(st -> naive(dsl, networkId, "b5-" + trials.get() + "-" + i)),
                trials));
        s.check(Check.atMost("longhaul duplicates", "longhaul", "duplicates", 0, "addresses"))
            .check(Check.atMost("naive duplicates", "naive", "duplicates", 0, "addresses"))
            .check(Check.atMost("longhaul failures", "longhaul", "failures", 0, "allocations"));
        if (k == 8) {
          s.check(Check.atLeast("longhaul allocations/s", "longhaul", "allocs_per_s", 2000, "/s"))
              .check(
                  Check.ratio(
                      "allocations/s: longhaul / naive", "longhaul", "naive", "allocs_per_s", 3));
        } else {
          s.check(
              Check.info("allocations/s: longhaul / naive", "longhaul", "naive", "allocs_per_s"));
        }
        s.check(Check.info("p99: naive / longhaul", "naive", "longhaul", "p99_ms"));
        s.run(config.warmups(), config.rounds(), config.log());
        scenarios.add(s);
      }
    }
    notes.add(
        "Each trial makes "
            + perTrial
            + " allocations on one network, shared by the allocators (each takes the next index"
            + " from a counter); the ports are then deleted (their addresses return to the free"
            + " list through the release trigger) and both tables vacuumed, outside the timing.");
    notes.add(
        "Duplicates: allocations minus distinct addresses returned, plus ports sharing an"
            + " address in the table (the unique constraint makes the latter impossible; it is"
            + " counted anyway).");
    notes.add(
        "Longhaul's side checks more per allocation than the naive one (site, network, name and"
            + " allocation-key guards) but sends one statement where the naive side sends four"
            + " and a commit.");
    notes.add(
        "PostgreSQL runs on the same 2 cores as the bench JVM; the connection pool has one"
            + " connection per allocator at most (16).");
    return scenarios;
  }

  /**
   * The naive allocator: the network's row locked, so allocations on a network take turns; then the
   * lowest free address taken off the free list and the port inserted, statement by statement.
   */
  private static String naive(DSLContext dsl, long networkId, String key) {
    dsl.fetch("select id from network where id = ? for update", networkId);
    String address =
        dsl.fetchValue(
                "select host(address) from ip_free where network_id = ? order by address limit 1",
                networkId)
            .toString();
    dsl.execute(
        "delete from ip_free where network_id = ? and address = ?::inet", networkId, address);
    dsl.execute(
        "insert into ip_port (network_id, allocation_key, address) values (?, ?, ?::inet)",
        networkId,
        key,
        address);
    return address;
  }

  private static HikariDataSource pool(BenchDatabase db) {
    var c = new HikariConfig();
    c.setJdbcUrl(db.url());
    c.setUsername(db.user());
    c.setPassword(db.password());
    c.setMaximumPoolSize(16);
    c.setMinimumIdle(16);
    c.setAutoCommit(true);
    return new HikariDataSource(c);
  }

  private static long setUp(BenchDatabase db) throws Exception {
    try (var c = db.connect();
        Statement st = c.createStatement()) {
      st.execute("insert into site (code, name) values ('b5', 'B5')");
      st.execute(
          "insert into network (site_id, name, labels, cidr, gateway, vlan, vni)"
              + " select id, 'b5-net', '{web}', '"
              + CIDR
              + "', '10.64.0.1', 100, 10100 from site where code = 'b5'");
      try (ResultSet rs = st.executeQuery("select id from network where name = 'b5-net'")) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static Trial trial(
      BenchDatabase db, int allocators, int count, IntFunction<String> allocate, AtomicInteger n) {
    return round -> {
      n.incrementAndGet();
      var next = new AtomicInteger();
      var failures = new AtomicInteger();
      var addresses = new ConcurrentLinkedQueue<String>();
      long[] latencies = new long[count];
      List<Thread> threads = new ArrayList<>();
      long cpu0 = Cpu.processNanos();
      long t0 = System.nanoTime();
      for (int a = 0; a < allocators; a++) {
        threads.add(
            Thread.ofPlatform()
                .start(
                    () -> {
                      int i;
                      while ((i = next.getAndIncrement()) < count) {
                        long s = System.nanoTime();
                        try {
                          addresses.add(allocate.apply(i));
                        } catch (RuntimeException e) {
                          failures.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - s;
                      }
                    }));
      }
      for (Thread t : threads) {
        t.join();
      }
      long wall = System.nanoTime() - t0;
      long cpu = Cpu.processNanos() - cpu0;
      Set<String> distinct = new HashSet<>(addresses);
      int tableDuplicates;
      try (var c = db.connect();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery("select count(*) - count(distinct address) from ip_port")) {
        rs.next();
        tableDuplicates = rs.getInt(1);
      }
      db.execute("delete from ip_port", "vacuum analyze ip_free", "vacuum analyze ip_port");
      Arrays.sort(latencies);
      var m = new LinkedHashMap<String, Double>();
      m.put("wall_ms", wall / 1e6);
      m.put("cpu_ms", cpu / 1e6);
      m.put("allocations", (double) addresses.size());
      m.put("allocs_per_s", addresses.size() / (wall / 1e9));
      m.put("p50_ms", latencies[count / 2] / 1e6);
      m.put("p99_ms", latencies[(int) Math.ceil(count * 0.99) - 1] / 1e6);
      m.put("duplicates", (double) (addresses.size() - distinct.size() + tableDuplicates));
      m.put("failures", (double) failures.get());
      return m;
    };
  }
}
