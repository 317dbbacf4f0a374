package io.longhaul.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.contracts.TaskQueues;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Activity profiles tuned by configuration")
class ActivityProfilesTest {
  @AfterEach
  void untune() {
    ActivityProfiles.tune(Map.of());
  }

  @Test
  @DisplayName("override a profile everywhere, and further on one site's queue")
  void perProfileAndSite() {
    ActivityProfiles.tune(
        Map.of(
            "device-change",
            new ProfileTuning(
                Duration.ofMinutes(5),
                null,
                null,
                Map.of("sha", new ProfileTuning(null, Duration.ofSeconds(45), 2, null)))));

    var sha = ActivityProfiles.deviceChange(TaskQueues.site("sha"));
    assertThat(sha.getStartToCloseTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(sha.getHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(45));
    assertThat(sha.getRetryOptions().getMaximumAttempts()).isEqualTo(2);
    assertThat(sha.getRetryOptions().getDoNotRetry()).contains("CommandRejected");

    var bj = ActivityProfiles.deviceChange(TaskQueues.site("bj"));
    assertThat(bj.getStartToCloseTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(bj.getRetryOptions().getMaximumAttempts()).isEqualTo(4);
    assertThat(ActivityProfiles.hostChange(TaskQueues.site("sha")).getStartToCloseTimeout())
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  @DisplayName("refuse a profile that does not exist, naming the ones that do")
  void unknownProfile() {
    assertThatThrownBy(
            () -> ActivityProfiles.tune(Map.of("fastCall", new ProfileTuning(null, null, 3, null))))
        .hasMessageContaining("fastCall")
        .hasMessageContaining("deviceChange");
  }
}
