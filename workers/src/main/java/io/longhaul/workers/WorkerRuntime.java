package io.longhaul.workers;

import io.longhaul.contracts.control.DecisionKey;
import io.longhaul.contracts.control.RefusedDecisions;
import io.longhaul.workflows.common.DecisionAuthority;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.common.interceptors.WorkerInterceptor;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers every {@link WorkerRegistration} on its task queue and polls. It can be stopped and
 * started again in one process, which is how the worker role is restarted (and tested).
 */
public class WorkerRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(WorkerRuntime.class);

  private static final Duration DEADLOCK_DETECTION = Duration.ofSeconds(5);

  private final WorkflowClient client;
  private final List<WorkerRegistration> registrations;
  private final WorkerSettings settings;
  private final DecisionKey decisionKey;
  private final RefusedDecisions refusals;
  private MeterRegistry meters;
  private WorkerFactory factory;
  // Queues added while polling: a started factory takes no new workers, so each batch gets its own.
  private final List<WorkerFactory> added = new ArrayList<>();

  /** A runtime for activities only: it hosts no workflow, so it checks no decisions. */
  public WorkerRuntime(
      WorkflowClient client, List<WorkerRegistration> registrations, WorkerSettings settings) {
    this(client, registrations, settings, null, null);
  }

  /**
   * {@code decisionKey} is the key the API signs operators' decisions with; the workflows this
   * runtime hosts refuse any decision it did not sign, and tell {@code refusals}.
   */
  public WorkerRuntime(
      WorkflowClient client,
      List<WorkerRegistration> registrations,
      WorkerSettings settings,
      DecisionKey decisionKey,
      RefusedDecisions refusals) {
    this.client = client;
    this.registrations = new ArrayList<>(registrations);
    this.settings = settings;
    this.decisionKey = decisionKey;
    this.refusals = refusals == null ? (runId, d, why) -> {} : refusals;
  }

  /** Device-call and IPAM metrics into {@code registry}, for workers started from now on. */
  public synchronized WorkerRuntime measuredBy(MeterRegistry registry) {
    this.meters = registry;
    return this;
  }

  /** Whether this runtime polls and every one of its workers' pollers is running. */
  public synchronized boolean polling() {
    if (factory == null || factory.isShutdown() || !factory.isStarted()) {
      return false;
    }
    return added.stream().allMatch(f -> f.isStarted() && !f.isShutdown());
  }

  public synchronized void start() {
    if (factory != null) {
      return;
    }
    factory = startFactory(registrations);
  }

  /** Whether a registration for this task queue is served (or will be, once started). */
  public synchronized boolean serves(String taskQueue) {
    return registrations.stream().anyMatch(r -> r.taskQueue().equals(taskQueue));
  }

  /**
   * Serves more registrations from now on, e.g. the queue of a site created at run time; polling
   * starts at once when the runtime is running, and they are part of every later start.
   */
  public synchronized void add(List<WorkerRegistration> more) {
    registrations.addAll(more);
    if (factory != null && !more.isEmpty()) {
      added.add(startFactory(more));
    }
  }

  private WorkerFactory startFactory(List<WorkerRegistration> regs) {
    // Workflow code on virtual threads: every cached run parks a thread per coroutine (a spawn
    // has up to three), and B2 in bench/ keeps 1,000 runs in flight.
    WorkerFactory f =
        WorkerFactory.newInstance(
            client,
            WorkerFactoryOptions.newBuilder()
                .setWorkflowCacheSize(settings.workflowCacheSize())
                .setMaxWorkflowThreadCount(settings.workflowCacheSize() * 4)
                .setUsingVirtualWorkflowThreads(true)
                .setWorkerInterceptors(interceptors(regs))
                .build());
    Map<String, List<WorkerRegistration>> byQueue = new LinkedHashMap<>();
    regs.forEach(r -> byQueue.computeIfAbsent(r.taskQueue(), q -> new ArrayList<>()).add(r));
    byQueue.forEach(
        (queue, queueRegs) -> {
          Worker worker = f.newWorker(queue, workerOptions());
          for (WorkerRegistration r : queueRegs) {
            if (!r.workflowTypes().isEmpty()) {
              worker.registerWorkflowImplementationTypes(
                  r.workflowTypes().toArray(Class<?>[]::new));
            }
            if (!r.activities().isEmpty()) {
              worker.registerActivitiesImplementations(r.activities().toArray());
            }
          }
        });
    f.start();
    log.info("workers polling {}", byQueue.keySet());
    return f;
  }

  /** Stops polling and waits briefly for tasks in flight; their runs resume on the next start. */
  public synchronized void stop() {
    if (factory == null) {
      return;
    }
    added.forEach(WorkerFactory::shutdownNow);
    factory.shutdownNow();
    factory.awaitTermination(10, TimeUnit.SECONDS);
    added.forEach(f -> f.awaitTermination(10, TimeUnit.SECONDS));
    added.clear();
    factory = null;
  }

  public synchronized boolean running() {
    return factory != null;
  }

  @Override
  public void close() {
    stop();
  }

  /** The decision check of the workflows this runtime hosts; without a key every decision fails. */
  /**
   * Every worker turns database errors into typed failures first (DatabaseFailures, innermost, so
   * that OperatorSafeFailures lets them pass) and hides unexpected activity errors from operators;
   * one with the decision key also checks operators' decisions where they are applied.
   */
  private WorkerInterceptor[] interceptors(List<WorkerRegistration> regs) {
    List<WorkerInterceptor> all = new ArrayList<>();
    all.add(new DatabaseFailures());
    all.add(new OperatorSafeFailures());
    all.add(new RunLogContext());
    if (decisionKey != null) {
      all.add(new DecisionAuthority(refusals, decisionKey));
    }
    if (meters != null) {
      // Last is outermost: it sees the failure types the two above leave.
      all.add(new DeviceCallMetrics(meters, regs));
    }
    return all.toArray(WorkerInterceptor[]::new);
  }

  private WorkerOptions workerOptions() {
    Duration sticky = settings.stickyScheduleToStart();
    return WorkerOptions.newBuilder()
        .setStickyQueueScheduleToStartTimeout(sticky)
        .setMaxConcurrentActivityExecutionSize(settings.maxConcurrentActivities())
        .setMaxConcurrentWorkflowTaskExecutionSize(settings.maxConcurrentWorkflowTasks())
        .setMaxConcurrentLocalActivityExecutionSize(settings.maxConcurrentLocalActivities())
        // A workflow task that cannot get a core (or a carrier thread) for a second is not a
        // deadlock on 2 busy cores; at 1 s a storm's workflow tasks failed and were retried.
        .setDefaultDeadlockDetectionTimeout(DEADLOCK_DETECTION.toMillis())
        .build();
  }
}
