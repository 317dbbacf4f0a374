package io.longhaul.workers;

import io.longhaul.activities.interfaceaudit.InterfaceActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.interfaceaudit.InterfaceAuditWorkflowImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The interface audit: workflow and inventory read on the workflow queue, switch reads per site.
 */
@Configuration(proxyBeanMethods = false)
public class InterfaceAuditWorkers {

  @Bean
  WorkerRegistration interfaceAuditWorkflow() {
    return WorkerRegistration.workflows(TaskQueues.WORKFLOWS, InterfaceAuditWorkflowImpl.class);
  }

  @Bean
  WorkerRegistration interfaceInventory(InterfaceActivitiesImpl activities) {
    return WorkerRegistration.activities(TaskQueues.WORKFLOWS, activities);
  }

  @Bean
  SiteRegistrations interfaceReads(InterfaceActivitiesImpl activities) {
    return site -> WorkerRegistration.activities(TaskQueues.site(site), activities);
  }
}
