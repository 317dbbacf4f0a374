package io.longhaul.workers;

import io.longhaul.activities.control.LeaseActivitiesImpl;
import io.longhaul.activities.control.RunControlActivitiesImpl;
import io.longhaul.activities.run.ChildRunActivitiesImpl;
import io.longhaul.activities.run.RunRecorderActivitiesImpl;
import io.longhaul.activities.window.WindowActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registrations every Longhaul worker carries on the workflow queue: the run journal's local
 * activities (recorder, operator control, leases, window gate) and the child-run records of bulk
 * runs.
 */
@Configuration(proxyBeanMethods = false)
public class CoreWorkers {

  @Bean
  WorkerRegistration runRecorder(
      RunRecorderActivitiesImpl recorder, ChildRunActivitiesImpl childRuns) {
    return WorkerRegistration.activities(TaskQueues.WORKFLOWS, recorder, childRuns);
  }

  @Bean
  WorkerRegistration runControl(
      RunControlActivitiesImpl control, LeaseActivitiesImpl leases, WindowActivitiesImpl windows) {
    return WorkerRegistration.activities(TaskQueues.WORKFLOWS, control, leases, windows);
  }
}
