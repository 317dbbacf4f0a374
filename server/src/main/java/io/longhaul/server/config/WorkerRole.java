package io.longhaul.server.config;

import io.longhaul.contracts.control.DecisionKey;
import io.longhaul.db.audit.AuditLogRepository;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.server.lab.LabInventory;
import io.longhaul.workers.SiteRegistrations;
import io.longhaul.workers.WorkerRegistration;
import io.longhaul.workers.WorkerRuntime;
import io.longhaul.workers.WorkerSettings;
import io.longhaul.workflows.common.ActivityProfiles;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The worker role: polls every registered task queue, and the queue of each site in the inventory
 * (or of {@code longhaul.worker.sites}); a site added later is served within {@code
 * longhaul.worker.site-check} (10 s) of its creation, without a restart.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${longhaul.roles:api,worker}'.contains('worker')")
@ComponentScan("io.longhaul.workers")
public class WorkerRole {

  @Bean(initMethod = "start", destroyMethod = "stop")
  WorkerRuntime workerRuntime(
      WorkflowClient client,
      List<WorkerRegistration> registrations,
      List<SiteRegistrations> perSite,
      SiteRepository sites,
      ObjectProvider<LabInventory> lab,
      LonghaulProperties props,
      DecisionKey decisionKey,
      AuditLogRepository audit,
      MeterRegistry meters) {
    var w = props.worker();
    // Operators' activity-profile tuning, in force before the first activity is scheduled.
    ActivityProfiles.tune(w.profiles());
    // The lab's sites must be in the inventory before we list the site queues to serve.
    lab.ifAvailable(loaded -> {});
    // A site pool polls only its sites' queues; the core pool (or the default all) the rest.
    List<WorkerRegistration> all =
        w.servesCore() ? new ArrayList<>(registrations) : new ArrayList<>();
    for (Site site : sites.list()) {
      if (w.servesSite(site.code())) {
        perSite.forEach(r -> all.add(r.forSite(site.code())));
      }
    }
    // The embedded test server never expires a dead worker's sticky queue (PITFALLS.md).
    Duration sticky = props.temporal().embedded() ? Duration.ZERO : w.stickyScheduleToStart();
    return new WorkerRuntime(
            client,
            all,
            new WorkerSettings(
                sticky,
                w.maxConcurrentActivities(),
                w.maxConcurrentWorkflowTasks(),
                w.maxConcurrentLocalActivities(),
                w.workflowCacheSize()),
            decisionKey,
            new AuditedRefusals(audit))
        .measuredBy(meters);
  }

  /** Readiness: this process's workers poll (stopped or shut down, it takes no tasks). */
  @Bean
  HealthIndicator workersHealthIndicator(WorkerRuntime runtime) {
    return () ->
        runtime.polling()
            ? Health.up().build()
            : Health.down().withDetail("polling", false).build();
  }

  @Bean(destroyMethod = "close")
  SiteQueueWatcher siteQueueWatcher(
      WorkerRuntime runtime,
      List<SiteRegistrations> perSite,
      SiteRepository sites,
      LonghaulProperties props,
      @Value("${longhaul.worker.site-check:PT10S}") Duration interval) {
    return new SiteQueueWatcher(runtime, perSite, sites, props.worker()::servesSite, interval);
  }

  /**
   * One drift watch per site served (docs/real-gear.md); {@code longhaul.drift.enabled=false} stops
   * none that run.
   */
  @Bean(destroyMethod = "close")
  @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(
      name = "longhaul.drift.enabled",
      havingValue = "true",
      matchIfMissing = true)
  DriftWatchStarter driftWatchStarter(
      WorkerRuntime runtime, // started first: a watch's first task finds its worker polling
      WorkflowClient client,
      SiteRepository sites,
      LonghaulProperties props,
      @Value("${longhaul.drift.interval:PT1M}") Duration interval,
      @Value("${longhaul.drift.checks-per-execution:60}") int checksPerExecution,
      @Value("${longhaul.worker.site-check:PT10S}") Duration check) {
    return new DriftWatchStarter(
        client, sites, props.worker()::servesSite, interval, checksPerExecution, check);
  }
}
