package io.longhaul.workers;

import io.longhaul.activities.spawn.HypervisorActivitiesImpl;
import io.longhaul.activities.spawn.IpamActivitiesImpl;
import io.longhaul.activities.spawn.OverlayActivitiesImpl;
import io.longhaul.activities.spawn.PlacementActivitiesImpl;
import io.longhaul.activities.spawn.SwitchOverlayActivitiesImpl;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.spawn.InstanceDeleteWorkflowImpl;
import io.longhaul.workflows.spawn.InstanceSpawnBulkWorkflowImpl;
import io.longhaul.workflows.spawn.InstanceSpawnWorkflowImpl;
import io.longhaul.workflows.spawn.LeafConfigWorkflowImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Instance spawn and teardown: workflows and database activities on the workflow queue; hypervisor
 * and leaf activities on each site's queue.
 */
@Configuration(proxyBeanMethods = false)
public class SpawnWorkers {

  @Bean
  WorkerRegistration spawnWorkflows() {
    return WorkerRegistration.workflows(
        TaskQueues.WORKFLOWS,
        InstanceSpawnWorkflowImpl.class,
        InstanceDeleteWorkflowImpl.class,
        InstanceSpawnBulkWorkflowImpl.class,
        LeafConfigWorkflowImpl.class);
  }

  @Bean
  WorkerRegistration spawnDatabaseActivities(
      IpamActivitiesImpl ipam, PlacementActivitiesImpl placement, OverlayActivitiesImpl overlay) {
    return WorkerRegistration.activities(TaskQueues.WORKFLOWS, ipam, placement, overlay);
  }

  @Bean
  SiteRegistrations spawnDeviceActivities(
      HypervisorActivitiesImpl hypervisors, SwitchOverlayActivitiesImpl switches) {
    return site -> WorkerRegistration.activities(TaskQueues.site(site), hypervisors, switches);
  }
}
