package io.longhaul.server.support;

import io.longhaul.db.testing.TestDatabase;
import io.longhaul.server.LonghaulApplication;
import io.longhaul.server.echo.EchoOperation;
import java.util.Base64;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on a random port: embedded Temporal on a free loopback port, a fresh database,
 * the test-only echo operation, admin password {@link #ADMIN_PASSWORD}. Subclasses share one
 * application context (and database).
 */
@SpringBootTest(
    classes = LonghaulApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "longhaul.temporal.embedded-port=0",
      "LONGHAUL_ADMIN_PASSWORD=" + ServerTestBase.ADMIN_PASSWORD,
      "longhaul.reconciler.every=PT1H",
      "longhaul.worker.site-check=PT1S",
      // Several cached test contexts share one PostgreSQL (max_connections 100).
      "spring.datasource.hikari.maximum-pool-size=5",
      "longhaul.lab.enabled=false"
    })
@Import(EchoOperation.class)
public abstract class ServerTestBase {
  public static final String ADMIN_PASSWORD = "test-admin-password";

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void freshDatabase(DynamicPropertyRegistry registry) {
    String url = TestDatabase.create();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add(
        "longhaul.credentials.key", () -> Base64.getEncoder().encodeToString(new byte[32]));
  }

  protected ApiClient admin() {
    return ApiClient.basic(port, "admin", ADMIN_PASSWORD);
  }
}
