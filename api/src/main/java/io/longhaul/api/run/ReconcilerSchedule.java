package io.longhaul.api.run;

import io.longhaul.db.control.LeaseRepository;
import io.longhaul.db.run.RunRepository;
import io.temporal.client.WorkflowClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the reconciler in the API role: once over every live run when the process is ready (a
 * restarted embedded Temporal server knows none of them: they are resumed), then every {@link
 * ReconcilerProperties#every()} over the runs quiet for {@link ReconcilerProperties#quietFor()}. A
 * run terminated, timed out or lost outside the API is settled by the first pass after it has been
 * quiet that long. Scheduling is enabled here, with the api role, so a worker-only process never
 * reconciles.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ReconcilerProperties.class)
public class ReconcilerSchedule implements SchedulingConfigurer {
  private static final Logger log = LoggerFactory.getLogger(ReconcilerSchedule.class);
  private final RunReconciler reconciler;
  private final ReconcilerProperties props;

  public ReconcilerSchedule(
      RunRepository runs,
      LeaseRepository leases,
      WorkflowClient temporal,
      RunResumer resumer,
      ReconcilerProperties props) {
    this.props = props;
    this.reconciler = new RunReconciler(runs, temporal, props.quietFor(), leases);
    if (props.resume()) {
      reconciler.resumingWith(resumer);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    long started = System.nanoTime();
    int settled = reconciler.reconcileAll();
    log.info(
        "at start: {} runs resumed or settled in {} ms; then a pass every {} over runs quiet for {}",
        settled,
        (System.nanoTime() - started) / 1_000_000,
        props.every(),
        props.quietFor());
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addFixedDelayTask(new FixedDelayTask(this::tick, props.every(), props.every()));
  }

  /** One periodic pass; a failing pass (database down) is logged and the next one tries again. */
  void tick() {
    try {
      int settled = reconciler.reconcile();
      if (settled > 0) {
        log.info("reconciler: {} runs resumed or settled", settled);
      }
    } catch (RuntimeException e) {
      log.warn("reconciler pass failed, next in {}: {}", props.every(), e.toString());
    }
  }

  public RunReconciler reconciler() {
    return reconciler;
  }
}
