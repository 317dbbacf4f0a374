package io.longhaul.bench.core;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * A fresh PostgreSQL database for one benchmark, migrated with the product's Flyway migrations,
 * dropped on {@link #close()}. The server is the local one unless LONGHAUL_TEST_PG_URL says
 * otherwise (the same variables as the tests').
 */
public final class BenchDatabase implements AutoCloseable {
  private static final String ADMIN_URL =
      env("LONGHAUL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
  private static final String USER = env("LONGHAUL_TEST_PG_USER", "postgres");
  private static final String PASSWORD = env("LONGHAUL_TEST_PG_PASSWORD", "");
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private final String name;
  private final String url;

  private BenchDatabase(String name) {
    this.name = name;
    this.url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
  }

  /** Creates and migrates a new database. */
  public static BenchDatabase create() {
    var db =
        new BenchDatabase("lh_bench_" + ProcessHandle.current().pid() + "_" + COUNTER.getAndAdd(1));
    db.admin("create database " + db.name);
    Flyway.configure()
        .dataSource(db.url, USER, PASSWORD)
        .locations("classpath:db/migration")
        .outOfOrder(true)
        .load()
        .migrate();
    return db;
  }

  public String url() {
    return url;
  }

  public String user() {
    return USER;
  }

  public String password() {
    return PASSWORD;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, USER, PASSWORD);
  }

  /** Runs statements outside any transaction (VACUUM, TRUNCATE between trials). */
  public void execute(String... sql) {
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      for (String s : sql) {
        st.execute(s);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void admin(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot run '" + sql + "' at " + ADMIN_URL + " (is PostgreSQL running?)", e);
    }
  }

  @Override
  public void close() {
    admin("drop database if exists " + name + " with (force)");
  }

  private static String env(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
