package io.longhaul.api.run;

import io.longhaul.db.control.LeaseRepository;
import io.longhaul.db.run.RunRepository;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs the reconciler periodically in the API role. */
@Component
public class ReconcilerSchedule {
  private final RunReconciler reconciler;

  public ReconcilerSchedule(
      RunRepository runs,
      LeaseRepository leases,
      WorkflowClient temporal,
      @Value("${longhaul.reconciler.quiet-for:PT1M}") Duration quietFor) {
    this.reconciler = new RunReconciler(runs, temporal, quietFor, leases);
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
