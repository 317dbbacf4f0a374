package io.longhaul.server.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Before anything connects: makes sure PostgreSQL answers and the configured database exists,
 * creating it when missing (Flyway then migrates it). Stops the start with a message that says how
 * to start PostgreSQL when it does not answer.
 */
public class DatabaseBootstrap implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
  private static final Pattern URL =
      Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z0-9_]+)(\\?.*)?$");

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    Environment env = event.getEnvironment();
    String url = env.getProperty("spring.datasource.url");
    if (url == null) {
      return;
    }
    Matcher m = URL.matcher(url);
    if (!m.matches()) {
      return; // Not a plain PostgreSQL URL we can reason about; let the pool report problems.
    }
    String maintenanceUrl = m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
    String database = m.group(2);
    String user = env.getProperty("spring.datasource.username");
    String password = env.getProperty("spring.datasource.password");
    try (Connection c = DriverManager.getConnection(maintenanceUrl, user, password)) {
      if (!exists(c, database)) {
        try (Statement st = c.createStatement()) {
          st.execute("create database " + database);
        }
        System.out.println("Created database '" + database + "'.");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is not reachable at "
              + m.group(1)
              + " as '"
              + user
              + "' ("
              + e.getMessage()
              + "). Start it (on Debian: pg_ctlcluster --skip-systemctl-redirect 15 main start)"
              + " or point LONGHAUL_DB_URL, LONGHAUL_DB_USER and LONGHAUL_DB_PASSWORD at one.",
          e);
    }
  }

  private static boolean exists(Connection c, String database) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
      ps.setString(1, database);
      try (var rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }
}
