package io.longhaul.api.run;

import io.longhaul.db.control.LeaseRepository;
import io.longhaul.db.run.RunRepository;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the reconciler in the API role: once over every live run when the process is ready (a
 * restarted embedded Temporal server knows none of them: they are resumed), then every {@code
 * longhaul.reconciler.every} (30 s) over the runs quiet for {@code quiet-for} (10 s). A run
 * terminated, timed out or lost outside the API is settled by the first pass after it has been
 * quiet that long.
 */
@Component
public class ReconcilerSchedule {
  private static final Logger log = LoggerFactory.getLogger(ReconcilerSchedule.class);
  private final RunReconciler reconciler;

  public ReconcilerSchedule(
      RunRepository runs,
      LeaseRepository leases,
      WorkflowClient temporal,
      RunResumer resumer,
      @Value("${longhaul.reconciler.quiet-for:PT10S}") Duration quietFor,
      @Value("${longhaul.reconciler.resume:true}") boolean resume) {
    this.reconciler = new RunReconciler(runs, temporal, quietFor, leases);
    if (resume) {
      reconciler.resumingWith(resumer);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public void atStart() {
    long started = System.nanoTime();
    int settled = reconciler.reconcileAll();
    if (settled > 0) {
      log.info(
          "at start: {} runs resumed or settled in {} ms",
          settled,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  @Scheduled(
      fixedDelayString = "${longhaul.reconciler.every:PT30S}",
      initialDelayString = "${longhaul.reconciler.every:PT30S}")
  public void tick() {
    reconciler.reconcile();
  }

  public RunReconciler reconciler() {
    return reconciler;
  }
}
