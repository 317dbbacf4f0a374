package io.longhaul.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.server.support.ServerTestBase;
import io.longhaul.workers.WorkerRuntime;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DisplayName("Site queues")
class SiteQueuesTest extends ServerTestBase {
  @Autowired WorkerRuntime runtime;

  @Test
  @DisplayName("a site created through the API is served without a restart")
  void newSiteServed() throws InterruptedException {
    String queue = TaskQueues.site("late");
    assertThat(runtime.serves(queue)).isFalse();
    var r =
        admin().post("/api/v1/sites", Map.of("code", "late", "name", "Late", "timeZone", "UTC"));
    assertThat(r.status()).isEqualTo(201);
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!runtime.serves(queue) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(runtime.serves(queue)).isTrue();
    assertThat(runtime.running()).isTrue();
  }
}
