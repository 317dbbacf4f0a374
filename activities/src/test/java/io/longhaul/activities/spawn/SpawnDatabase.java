package io.longhaul.activities.spawn;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.longhaul.db.testing.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.springframework.boot.jooq.autoconfigure.ExceptionTranslatorExecuteListener;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A fresh migrated database wired as the application wires it: a connection pool, jOOQ joining
 * Spring's transactions, and SQL errors translated to Spring's exceptions (which the activities
 * catch, e.g. {@code DuplicateKeyException}).
 */
final class SpawnDatabase implements AutoCloseable {
  final HikariDataSource pool;
  final DSLContext dsl;
  final PlatformTransactionManager transactions;

  SpawnDatabase(int connections) {
    var c = new HikariConfig();
    c.setJdbcUrl(TestDatabase.create());
    c.setUsername(TestDatabase.user());
    c.setPassword(TestDatabase.password());
    c.setMaximumPoolSize(connections);
    pool = new HikariDataSource(c);
    dsl =
        DSL.using(
            new DefaultConfiguration()
                .set(new TransactionAwareDataSourceProxy(pool))
                .set(SQLDialect.POSTGRES)
                .set(ExceptionTranslatorExecuteListener.DEFAULT));
    transactions = new DataSourceTransactionManager(pool);
  }

  @Override
  public void close() {
    pool.close();
  }
}
