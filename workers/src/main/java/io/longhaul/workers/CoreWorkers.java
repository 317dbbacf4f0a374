package io.longhaul.workers;

import io.longhaul.activities.run.RunRecorderActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registrations every Longhaul worker carries: the run recorder on the workflow queue. */
@Configuration(proxyBeanMethods = false)
public class CoreWorkers {

  @Bean
  WorkerRegistration runRecorder(RunRecorderActivitiesImpl recorder) {
    return WorkerRegistration.activities(TaskQueues.WORKFLOWS, recorder);
  }
}
