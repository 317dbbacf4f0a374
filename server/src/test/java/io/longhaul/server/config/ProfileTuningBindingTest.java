package io.longhaul.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@DisplayName("Activity-profile tuning from configuration")
class ProfileTuningBindingTest {

  @Test
  @DisplayName("binds a profile and a site override from properties")
  void fromProperties() {
    var source =
        new MapConfigurationPropertySource(
            Map.of(
                "longhaul.worker.profiles.long-running.start-to-close", "PT12H",
                "longhaul.worker.profiles.device-change.sites.sha.max-attempts", "2"));
    LonghaulProperties.Worker w =
        new Binder(source).bind("longhaul.worker", LonghaulProperties.Worker.class).get();
    assertThat(w.profiles().get("long-running").startToClose()).isEqualTo(Duration.ofHours(12));
    assertThat(w.profiles().get("device-change").sites().get("sha").maxAttempts()).isEqualTo(2);
  }

  @Test
  @DisplayName("binds the same from environment variables")
  void fromEnvironment() {
    var env = new StandardEnvironment();
    env.getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("LONGHAUL_WORKER_PROFILES_LONGRUNNING_HEARTBEAT", "PT1M")));
    LonghaulProperties.Worker w =
        new Binder(ConfigurationPropertySources.get(env))
            .bind("longhaul.worker", LonghaulProperties.Worker.class)
            .get();
    assertThat(w.profiles()).containsKey("longrunning");
    assertThat(w.profiles().get("longrunning").heartbeat()).isEqualTo(Duration.ofMinutes(1));
  }
}
