package io.longhaul.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.db.testing.TestDatabase;
import java.sql.DriverManager;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MigrationTest {

  @Test
  @DisplayName("migrations apply to an empty database, and applying them again changes nothing")
  void appliesOnceThenIsANoOp() throws Exception {
    String url = TestDatabase.create();
    try (var c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
        var st = c.createStatement()) {
      st.execute("drop schema public cascade; create schema public");
    }
    Flyway flyway =
        Flyway.configure()
            .dataSource(url, TestDatabase.user(), TestDatabase.password())
            .locations("classpath:db/migration")
            .load();

    assertThat(flyway.migrate().migrationsExecuted).isPositive();
    assertThat(flyway.migrate().migrationsExecuted).isZero();
    assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
  }
}
