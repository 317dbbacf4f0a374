package io.longhaul.api.audit;

import io.longhaul.db.audit.AuditAnchor;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Writes a signed checkpoint of the audit chain's head at start and then every {@code
 * longhaul.audit.checkpoint-every}: a tail deleted or a table emptied after a checkpoint is found
 * by the next verify. Entries appended and removed between two checkpoints are not; the interval
 * bounds that window.
 */
@Component
public class AuditCheckpoints implements InitializingBean, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

  private final AuditAnchor anchor;
  private final Duration every;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofVirtual().name("audit-checkpoint").factory());

  public AuditCheckpoints(
      AuditAnchor anchor, @Value("${longhaul.audit.checkpoint-every:PT1M}") Duration every) {
    this.anchor = anchor;
    this.every = every;
  }

  @Override
  public void afterPropertiesSet() {
    timer.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      anchor.checkpoint();
    } catch (RuntimeException e) {
      log.warn("audit checkpoint failed: {}", e.getMessage());
    }
  }

  @Override
  public void destroy() {
    timer.shutdownNow();
  }
}
