package io.longhaul.workers;

import io.longhaul.activities.schedule.ScheduleActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.schedule.ScheduleWorkflowImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The scheduler workflows and their bookkeeping on the workflow queue. The activity that starts a
 * scheduled run lives with the api role (it calls the run service); see {@code TaskQueues.API}.
 */
@Configuration(proxyBeanMethods = false)
public class ScheduleWorkers {

  @Bean
  WorkerRegistration schedulerWorkflows(ScheduleActivitiesImpl store) {
    return new WorkerRegistration(
        TaskQueues.WORKFLOWS,
        java.util.List.of(ScheduleWorkflowImpl.class),
        java.util.List.of(store));
  }
}
