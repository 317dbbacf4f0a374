package io.longhaul.server;

import io.longhaul.server.bootstrap.DatabaseBootstrap;
import io.longhaul.server.bootstrap.RoleBootstrap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(
    scanBasePackages = {"io.longhaul.server", "io.longhaul.db", "io.longhaul.activities"})
@ConfigurationPropertiesScan
public class LonghaulApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(LonghaulApplication.class);
    app.addListeners(new DatabaseBootstrap(), new RoleBootstrap());
    app.run(args);
  }
}
