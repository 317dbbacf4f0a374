package io.longhaul.server.config;

import io.longhaul.workers.WorkerRegistration;
import io.longhaul.workers.WorkerRuntime;
import io.longhaul.workers.WorkerSettings;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/** The worker role: polls every registered task queue. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${longhaul.roles:api,worker}'.contains('worker')")
@ComponentScan("io.longhaul.workers")
public class WorkerRole {

  @Bean(initMethod = "start", destroyMethod = "stop")
  WorkerRuntime workerRuntime(
      WorkflowClient client, List<WorkerRegistration> registrations, LonghaulProperties props) {
    var w = props.worker();
    // The embedded test server never expires a dead worker's sticky queue (PITFALLS.md).
    Duration sticky = props.temporal().embedded() ? Duration.ZERO : w.stickyScheduleToStart();
    return new WorkerRuntime(
        client,
        registrations,
        new WorkerSettings(
            sticky,
            w.maxConcurrentActivities(),
            w.maxConcurrentWorkflowTasks(),
            w.maxConcurrentLocalActivities()));
  }
}
