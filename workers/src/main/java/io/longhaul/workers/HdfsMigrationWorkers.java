package io.longhaul.workers;

import io.longhaul.activities.hdfsmigration.HdfsActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.hdfsmigration.HdfsBuMigrationWorkflowImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HDFS BU migration: its workflow on the workflow queue, its cluster calls on the clusters
 * queue.
 */
@Configuration(proxyBeanMethods = false)
public class HdfsMigrationWorkers {

  @Bean
  WorkerRegistration hdfsMigrationWorkflow() {
    return WorkerRegistration.workflows(TaskQueues.WORKFLOWS, HdfsBuMigrationWorkflowImpl.class);
  }

  @Bean
  WorkerRegistration hdfsActivities(HdfsActivitiesImpl hdfs) {
    return WorkerRegistration.activities(TaskQueues.CLUSTERS, hdfs);
  }
}
