package io.longhaul.db.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Fresh, migrated PostgreSQL databases for tests, each cloned from a template that is migrated once
 * per test JVM (cloning takes tens of milliseconds; migrating takes far longer). Databases are
 * dropped when the JVM exits. The server is the local one unless LONGHAUL_TEST_PG_URL says
 * otherwise.
 */
public final class TestDatabase {
  private static final String ADMIN_URL =
      env("LONGHAUL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = env("LONGHAUL_TEST_PG_USER", "postgres");
  private static final String PASSWORD = env("LONGHAUL_TEST_PG_PASSWORD", "");
  // Named after the migrations it holds, so checkouts with different migrations (branches,
  // worktrees) never clone each other's schema.
  private static final String TEMPLATE = "lh_tpl_" + MigrationDigest.of("db/migration");
  private static final long TEMPLATE_LOCK = 0x4c48_5445_4d50_4cL;
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static volatile boolean templateReady;

  private TestDatabase() {}

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  /** A jOOQ context on a new migrated database, for repository tests that need no Spring. */
  public static DSLContext dsl() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(create());
    ds.setUser(USER);
    ds.setPassword(PASSWORD);
    return DSL.using(ds, SQLDialect.POSTGRES);
  }

  /** Creates a new migrated database and returns its JDBC URL. */
  public static String create() {
    String name = "lh_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement st = admin.createStatement()) {
      // Several test JVMs (one per module) may race to build the template.
      st.execute("select pg_advisory_lock(" + TEMPLATE_LOCK + ")");
      try {
        if (!templateReady) {
          prepareTemplate(st);
          templateReady = true;
        }
        st.execute("create database " + name + " template " + TEMPLATE);
      } finally {
        st.execute("select pg_advisory_unlock(" + TEMPLATE_LOCK + ")");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot create a test database at "
              + ADMIN_URL
              + " (is PostgreSQL running? pg_ctlcluster --skip-systemctl-redirect 15 main start)",
          e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name)));
    return urlOf(name);
  }

  private static void prepareTemplate(Statement st) throws SQLException {
    boolean exists;
    try (var rs = st.executeQuery("select 1 from pg_database where datname = '" + TEMPLATE + "'")) {
      exists = rs.next();
    }
    if (exists && migrate(true)) {
      return;
    }
    // Missing, or migrations were edited since it was made: rebuild it from scratch.
    st.execute("drop database if exists " + TEMPLATE + " with (force)");
    st.execute("create database " + TEMPLATE);
    migrate(false);
  }

  private static boolean migrate(boolean tolerateFailure) {
    try {
      Flyway.configure()
          .dataSource(urlOf(TEMPLATE), USER, PASSWORD)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      return true;
    } catch (FlywayException e) {
      if (tolerateFailure) {
        return false;
      }
      throw e;
    }
  }

  private static void drop(String name) {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement st = admin.createStatement()) {
      st.execute("drop database if exists " + name + " with (force)");
    } catch (SQLException ignored) {
      // Best effort at JVM exit; a leftover test database is harmless.
    }
  }

  private static String urlOf(String database) {
    int slash = ADMIN_URL.lastIndexOf('/');
    int query = ADMIN_URL.indexOf('?', slash);
    return ADMIN_URL.substring(0, slash + 1)
        + database
        + (query < 0 ? "" : ADMIN_URL.substring(query));
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
