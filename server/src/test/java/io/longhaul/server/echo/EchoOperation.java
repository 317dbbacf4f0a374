package io.longhaul.server.echo;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.operation.OperationDefinition;
import io.longhaul.workers.WorkerRegistration;
import org.jooq.DSLContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Registers the test-only echo operation: catalog entry, workflow and activities. */
@TestConfiguration(proxyBeanMethods = false)
public class EchoOperation {
  public static final String NAME = "test-echo";

  @Bean
  OperationDefinition echoDefinition() {
    return OperationDefinition.of(EchoWorkflow.class);
  }

  @Bean
  EchoActivitiesImpl echoActivities() {
    return new EchoActivitiesImpl();
  }

  @Bean
  EchoDatabaseActivitiesImpl echoDatabaseActivities(DSLContext db) {
    return new EchoDatabaseActivitiesImpl(db);
  }

  @Bean
  WorkerRegistration echoWorkflows() {
    return WorkerRegistration.workflows(TaskQueues.WORKFLOWS, EchoWorkflowImpl.class);
  }

  @Bean
  WorkerRegistration echoActivityRegistration(
      EchoActivitiesImpl impl, EchoDatabaseActivitiesImpl database) {
    return WorkerRegistration.activities(TaskQueues.WORKFLOWS, impl, database);
  }
}
