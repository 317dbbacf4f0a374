package io.longhaul.workers;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.workflows.runbook.DryRunWorkflowImpl;
import io.longhaul.workflows.runbook.RunbookWorkflowImpl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runbooks: the interpreter and the dry run on the workflow queue. Their actions are the activities
 * the built-in operations register already (switches, hypervisors, IPAM, clusters).
 */
@Configuration(proxyBeanMethods = false)
public class RunbookWorkers {

  @Bean
  WorkerRegistration runbookWorkflows() {
    return WorkerRegistration.workflows(
        TaskQueues.WORKFLOWS, RunbookWorkflowImpl.class, DryRunWorkflowImpl.class);
  }
}
