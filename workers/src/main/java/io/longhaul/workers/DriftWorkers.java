package io.longhaul.workers;

import io.longhaul.activities.drift.DriftActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.drift.DriftWatchWorkflowImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The drift watch: its workflow on the workflow queue, its check on each site's queue. */
@Configuration(proxyBeanMethods = false)
public class DriftWorkers {

  @Bean
  WorkerRegistration driftWorkflows() {
    return WorkerRegistration.workflows(TaskQueues.WORKFLOWS, DriftWatchWorkflowImpl.class);
  }

  @Bean
  SiteRegistrations driftChecks(DriftActivitiesImpl checks) {
    return site -> WorkerRegistration.activities(TaskQueues.site(site), checks);
  }
}
