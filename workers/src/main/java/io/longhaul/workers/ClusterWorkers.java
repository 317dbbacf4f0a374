package io.longhaul.workers;

import io.longhaul.activities.cluster.ClusterActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.cluster.ClusterProbeWorkflowImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Clusters: the probe workflow on the workflow queue, cluster API calls on the clusters queue. */
@Configuration(proxyBeanMethods = false)
public class ClusterWorkers {

  @Bean
  WorkerRegistration clusterProbeWorkflow() {
    return WorkerRegistration.workflows(TaskQueues.WORKFLOWS, ClusterProbeWorkflowImpl.class);
  }

  @Bean
  WorkerRegistration clusterActivities(ClusterActivitiesImpl clusters) {
    return WorkerRegistration.activities(TaskQueues.CLUSTERS, clusters);
  }
}
