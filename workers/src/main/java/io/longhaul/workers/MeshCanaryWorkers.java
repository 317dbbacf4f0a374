package io.longhaul.workers;

import io.longhaul.activities.meshcanary.MeshActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.meshcanary.MeshCanaryWorkflowImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mesh canary: its workflow on the workflow queue, its mesh calls on the clusters queue. */
@Configuration(proxyBeanMethods = false)
public class MeshCanaryWorkers {

  @Bean
  WorkerRegistration meshCanaryWorkflow() {
    return WorkerRegistration.workflows(TaskQueues.WORKFLOWS, MeshCanaryWorkflowImpl.class);
  }

  @Bean
  WorkerRegistration meshActivities(MeshActivitiesImpl mesh) {
    return WorkerRegistration.activities(TaskQueues.CLUSTERS, mesh);
  }
}
