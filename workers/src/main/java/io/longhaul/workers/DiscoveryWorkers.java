package io.longhaul.workers;

import io.longhaul.activities.discovery.InventoryActivitiesImpl;
import io.longhaul.activities.discovery.SwitchActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.discovery.TopologyDiscoveryWorkflowImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Topology discovery: workflow and inventory on the workflow queue, switch reads per site. */
@Configuration(proxyBeanMethods = false)
public class DiscoveryWorkers {

  @Bean
  WorkerRegistration topologyDiscoveryWorkflow() {
    return WorkerRegistration.workflows(TaskQueues.WORKFLOWS, TopologyDiscoveryWorkflowImpl.class);
  }

  @Bean
  WorkerRegistration inventoryActivities(InventoryActivitiesImpl inventory) {
    return WorkerRegistration.activities(TaskQueues.WORKFLOWS, inventory);
  }

  @Bean
  SiteRegistrations switchActivities(SwitchActivitiesImpl switches) {
    return site -> WorkerRegistration.activities(TaskQueues.site(site), switches);
  }
}
