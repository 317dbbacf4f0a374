package io.longhaul.server.config;

import io.longhaul.api.schedule.RunStarterImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.workers.WorkerRegistration;
import io.longhaul.workers.WorkerRuntime;
import io.longhaul.workers.WorkerSettings;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The api role's own task queue ({@link TaskQueues#API}): activities that need the api's services
 * in process, such as a schedule starting its run through the run service, so the run is validated,
 * recorded and audited as an API start. With both roles in one process the worker role's runtime
 * polls it with the rest; an api-only process polls just this queue itself.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${longhaul.roles:api,worker}'.contains('api')")
public class ApiQueue {

  @Bean
  WorkerRegistration apiQueueActivities(RunStarterImpl starter) {
    return WorkerRegistration.activities(TaskQueues.API, starter);
  }

  @Bean(initMethod = "start", destroyMethod = "stop")
  @ConditionalOnExpression("!'${longhaul.roles:api,worker}'.contains('worker')")
  WorkerRuntime apiQueueRuntime(
      WorkflowClient client, RunStarterImpl starter, LonghaulProperties props) {
    var w = props.worker();
    Duration sticky = props.temporal().embedded() ? Duration.ZERO : w.stickyScheduleToStart();
    return new WorkerRuntime(
        client,
        List.of(WorkerRegistration.activities(TaskQueues.API, starter)),
        new WorkerSettings(
            sticky,
            w.maxConcurrentActivities(),
            w.maxConcurrentWorkflowTasks(),
            w.maxConcurrentLocalActivities(),
            w.workflowCacheSize()));
  }
}
