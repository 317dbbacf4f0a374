package io.longhaul.server.bootstrap;

import io.longhaul.server.config.LonghaulProperties;
import io.longhaul.server.lab.LabInventory;
import io.longhaul.server.temporal.EmbeddedTemporalServer;
import java.lang.management.ManagementFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where everything is once Longhaul is ready, and how to log in. */
@Component
public class StartupBanner {
  private final LonghaulProperties props;
  private final Environment env;
  private final ObjectProvider<EmbeddedTemporalServer> temporal;
  private final ObjectProvider<LabInventory> lab;

  public StartupBanner(
      LonghaulProperties props,
      Environment env,
      ObjectProvider<EmbeddedTemporalServer> temporal,
      ObjectProvider<LabInventory> lab) {
    this.props = props;
    this.env = env;
    this.temporal = temporal;
    this.lab = lab;
  }

  @EventListener
  public void ready(ApplicationReadyEvent event) {
    StringBuilder b = new StringBuilder("\n  Longhaul is ready");
    b.append(" (roles ")
        .append(String.join(", ", props.roles()))
        .append(", started in ")
        .append(ManagementFactory.getRuntimeMXBean().getUptime())
        .append(" ms)\n");
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null) {
      String host = env.getProperty("server.address", "localhost");
      String url =
          "http://"
              + ("127.0.0.1".equals(host) ? "localhost" : host)
              + ":"
              + web.getWebServer().getPort();
      b.append("  API:       ")
          .append(url)
          .append("/api/v1  (OpenAPI at ")
          .append(url)
          .append("/v3/api-docs)\n");
      b.append("  Health:    ").append(url).append("/actuator/health\n");
      b.append(
          "  Log in:    user 'admin', password from LONGHAUL_ADMIN_PASSWORD or printed at first start\n");
    }
    EmbeddedTemporalServer server = temporal.getIfAvailable();
    if (server != null) {
      b.append("  Temporal:  embedded test server at ")
          .append(props.temporal().embeddedHost())
          .append(':')
          .append(server.port())
          .append(", namespace ")
          .append(props.temporal().namespace())
          .append('\n');
    } else {
      b.append("  Temporal:  ")
          .append(props.temporal().target())
          .append(", namespace ")
          .append(props.temporal().namespace())
          .append('\n');
    }
    LabInventory loaded = lab.getIfAvailable();
    if (loaded != null) {
      var runtime = loaded.runtime();
      b.append("  Lab:       ")
          .append(runtime.deviceCount())
          .append(" devices started in ")
          .append(runtime.startedIn().toMillis())
          .append(" ms, admin API ")
          .append(runtime.lab().adminUri())
          .append(" (token in ")
          .append(runtime.lab().stateDir().resolve("credentials.properties"))
          .append(")\n");
    }
    b.append("  Database:  ").append(env.getProperty("spring.datasource.url")).append('\n');
    System.out.println(b);
  }
}
