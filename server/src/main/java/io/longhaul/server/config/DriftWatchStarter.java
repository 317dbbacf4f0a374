package io.longhaul.server.config;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.drift.DriftWatchState;
import io.longhaul.contracts.drift.DriftWatchWorkflow;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one drift watch running per site this worker serves: at start and every {@code check}
 * after, each site's watch is started unless it runs (the workflow id is the site's, so workers
 * that race start it once; a watch someone terminated comes back at the next look).
 */
final class DriftWatchStarter implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(DriftWatchStarter.class);

  private final WorkflowClient client;
  private final SiteRepository sites;
  private final Predicate<String> serves;
  private final Duration interval;
  private final int checksPerExecution;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("drift-watch-starter").daemon().factory());

  DriftWatchStarter(
      WorkflowClient client,
      SiteRepository sites,
      Predicate<String> serves,
      Duration interval,
      int checksPerExecution,
      Duration check) {
    this.client = client;
    this.sites = sites;
    this.serves = serves;
    this.interval = interval;
    this.checksPerExecution = checksPerExecution;
    timer.scheduleWithFixedDelay(this::ensure, 0, check.toMillis(), TimeUnit.MILLISECONDS);
  }

  void ensure() {
    try {
      for (Site site : sites.list()) {
        if (serves.test(site.code()) && !running(site.code())) {
          start(site.code());
        }
      }
    } catch (RuntimeException e) {
      log.warn("could not start the sites' drift watches: {}", e.toString());
    }
  }

  private boolean running(String site) {
    try {
      var status =
          client
              .newUntypedWorkflowStub(DriftWatchWorkflow.workflowId(site))
              .describe()
              .getWorkflowExecutionInfo()
              .getStatus();
      return status
          == io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    } catch (RuntimeException e) {
      return false; // never started
    }
  }

  private void start(String site) {
    var stub =
        client.newWorkflowStub(
            DriftWatchWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(DriftWatchWorkflow.workflowId(site))
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .build());
    try {
      WorkflowClient.start(
          stub::watch, new DriftWatchState(site, interval.toSeconds(), checksPerExecution, 0));
      log.info("drift watch of {} started (every {})", site, interval);
    } catch (WorkflowExecutionAlreadyStarted e) {
      // another worker was first
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
