package io.longhaul.workflows.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.schedule.FireRequest;
import io.longhaul.contracts.schedule.ScheduleSpec;
import io.longhaul.contracts.schedule.ScheduleWorkflow;
import io.longhaul.contracts.schedule.SchedulerState;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.WindowSpec;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The scheduler workflow")
class ScheduleWorkflowTest {
  static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

  TestWorkflowEnvironment env;
  WorkerFactory workers;
  ScheduleFakes fakes;

  static ScheduleSpec hourly(String overlap, long catchupSeconds) {
    return new ScheduleSpec(
        1, "hourly", null, "0 * * * *", "UTC", null, null, overlap, catchupSeconds, false);
  }

  void start(ScheduleSpec spec) {
    fakes = new ScheduleFakes(spec);
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
    env.start();
    startWorkers();
    ScheduleWorkflow stub =
        env.getWorkflowClient()
            .newWorkflowStub(
                ScheduleWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(ScheduleWorkflow.workflowId(1))
                    .setTaskQueue(TaskQueues.WORKFLOWS)
                    .build());
    WorkflowClient.start(stub::run, SchedulerState.initial(1));
  }

  /** A worker process of its own, so a test can stop it and start another: a restart. */
  void startWorkers() {
    workers = WorkerFactory.newInstance(env.getWorkflowClient());
    workers
        .newWorker(TaskQueues.WORKFLOWS)
        .registerWorkflowImplementationTypes(ScheduleWorkflowImpl.class);
    workers.getWorker(TaskQueues.WORKFLOWS).registerActivitiesImplementations(fakes);
    workers.newWorker(TaskQueues.API).registerActivitiesImplementations(fakes);
    workers.start();
  }

  @AfterEach
  void close() {
    if (workers != null) {
      workers.shutdownNow();
    }
    if (env != null) {
      env.close();
    }
  }

  List<String> fireTimes() {
    return fakes.fires.stream()
        .map(FireRequest::nominalMillis)
        .map(m -> Instant.ofEpochMilli(m).truncatedTo(ChronoUnit.MINUTES).toString())
        .toList();
  }

  @Test
  @DisplayName("fires on its recurrence, never for times before it started")
  void firesOnRecurrence() {
    start(hourly(ScheduleSpec.ALLOW_ALL, 0));
    env.sleep(Duration.ofMinutes(190));
    assertThat(fireTimes())
        .containsExactly("2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z", "2026-11-23T11:00:00Z");
  }

  @Test
  @DisplayName("fires at the start of each opening of its window")
  void firesAtWindowStarts() {
    var window =
        new WindowSpec(
            3,
            "low-traffic",
            List.of(Scope.site("sha")),
            "FREQ=DAILY;BYHOUR=10;BYMINUTE=0",
            null,
            13 * 60,
            "Asia/Shanghai",
            "2026-11-01T00:00",
            List.of());
    start(new ScheduleSpec(1, "w", null, null, "UTC", null, window, ScheduleSpec.SKIP, 0, false));
    env.sleep(Duration.ofDays(3));
    // 10:00 in Shanghai is 02:00 UTC
    assertThat(fireTimes())
        .containsExactly("2026-11-24T02:00:00Z", "2026-11-25T02:00:00Z", "2026-11-26T02:00:00Z");
  }

  @Nested
  @DisplayName("when the previous run is still live")
  class Overlap {
    @Test
    @DisplayName("skip fires nothing more")
    void skip() {
      start(hourly(ScheduleSpec.SKIP, 0));
      fakes.runsEndAtOnce = false;
      env.sleep(Duration.ofMinutes(190));
      assertThat(fireTimes()).containsExactly("2026-11-23T09:00:00Z");
      assertThat(fakes.kinds()).containsExactly("fired", "skipped", "skipped");
    }

    @Test
    @DisplayName("buffer one keeps one fire and starts it when the previous run ends")
    void bufferOne() {
      start(hourly(ScheduleSpec.BUFFER_ONE, 0));
      fakes.runsEndAtOnce = false;
      env.sleep(Duration.ofMinutes(190));
      assertThat(fireTimes()).containsExactly("2026-11-23T09:00:00Z");
      assertThat(fakes.kinds()).containsExactly("fired", "buffered", "skipped");
      fakes.live.clear();
      env.sleep(Duration.ofMinutes(5));
      assertThat(fireTimes()).containsExactly("2026-11-23T09:00:00Z", "2026-11-23T10:00:00Z");
    }

    @Test
    @DisplayName("allow all starts every fire")
    void allowAll() {
      start(hourly(ScheduleSpec.ALLOW_ALL, 0));
      fakes.runsEndAtOnce = false;
      env.sleep(Duration.ofMinutes(190));
      assertThat(fireTimes()).hasSize(3);
    }
  }

  @Nested
  @DisplayName("after an outage")
  class Outage {
    // After an outage the scheduler wakes with its last fire far behind; starting it with such a
    // state is that moment. (Time skipping stalls while a stopped worker's task is pending, so a
    // worker restart is tested in real time: server's SchedulesEndToEndTest.)
    void wakeAfterOutage(long catchupSeconds) {
      fakes = new ScheduleFakes(hourly(ScheduleSpec.ALLOW_ALL, catchupSeconds));
      env =
          TestWorkflowEnvironment.newInstance(
              TestEnvironmentOptions.newBuilder().setInitialTime(START).build());
      env.start();
      startWorkers();
      ScheduleWorkflow stub =
          env.getWorkflowClient()
              .newWorkflowStub(
                  ScheduleWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(ScheduleWorkflow.workflowId(1))
                      .setTaskQueue(TaskQueues.WORKFLOWS)
                      .build());
      long lastFire = Instant.parse("2026-11-23T02:00:00Z").toEpochMilli();
      WorkflowClient.start(stub::run, new SchedulerState(1, lastFire, "run-x", null, List.of()));
      env.sleep(Duration.ofMinutes(30));
    }

    @Test
    @DisplayName("fires the missed times inside its catch-up window, and records the rest missed")
    void catchUp() {
      wakeAfterOutage(2 * 3600 + 60);
      assertThat(fireTimes())
          .containsExactly("2026-11-23T06:00:00Z", "2026-11-23T07:00:00Z", "2026-11-23T08:00:00Z");
      assertThat(fakes.fires).extracting(FireRequest::trigger).first().isEqualTo("catch-up");
      assertThat(fakes.kinds()).first().isEqualTo("missed");
    }

    @Test
    @DisplayName("with no catch-up window fires only a time due this minute")
    void noCatchUp() {
      wakeAfterOutage(0);
      assertThat(fireTimes()).containsExactly("2026-11-23T08:00:00Z");
    }
  }

  @Nested
  @DisplayName("under operator control")
  class Control {
    @Test
    @DisplayName("fires nothing while paused, and on trigger-now fires at once")
    void pauseAndTrigger() {
      start(hourly(ScheduleSpec.ALLOW_ALL, 3600));
      var paused = fakes.spec.get();
      fakes.spec.set(
          new ScheduleSpec(
              1,
              "hourly",
              null,
              "0 * * * *",
              "UTC",
              null,
              null,
              paused.overlap(),
              paused.catchupSeconds(),
              true));
      var client = env.getWorkflowClient();
      client.newWorkflowStub(ScheduleWorkflow.class, ScheduleWorkflow.workflowId(1)).changed();
      env.sleep(Duration.ofMinutes(190));
      assertThat(fakes.fires).isEmpty();

      client
          .newWorkflowStub(ScheduleWorkflow.class, ScheduleWorkflow.workflowId(1))
          .triggerNow("ops");
      env.sleep(Duration.ofSeconds(5));
      assertThat(fakes.fires).extracting(FireRequest::trigger).containsExactly("trigger by ops");

      fakes.spec.set(paused);
      client.newWorkflowStub(ScheduleWorkflow.class, ScheduleWorkflow.workflowId(1)).changed();
      env.sleep(Duration.ofMinutes(60));
      // resumed at 11:10: the missed 09:00–11:00 are not caught up, 12:00 fires
      assertThat(fireTimes()).hasSize(2).last().isEqualTo("2026-11-23T12:00:00Z");
    }
  }
}
