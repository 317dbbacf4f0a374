package io.longhaul.server.bootstrap;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.MapPropertySource;

/** A process without the api role serves no HTTP at all: no web server is started. */
public class RoleBootstrap implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    String roles = event.getEnvironment().getProperty("longhaul.roles", "api,worker");
    boolean api = Arrays.stream(roles.split(",")).map(String::trim).anyMatch("api"::equals);
    if (!api) {
      event
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "longhaul-roles", Map.of("spring.main.web-application-type", "none")));
    }
  }
}
