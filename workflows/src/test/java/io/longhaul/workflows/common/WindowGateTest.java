package io.longhaul.workflows.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.window.FreezeSpec;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.WindowAware;
import io.longhaul.contracts.window.WindowSpec;
import io.longhaul.workflows.common.GatedWorkflow.GatedInput;
import io.longhaul.workflows.testkit.JournalFakes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The window gate")
class WindowGateTest {
  static final Instant EIGHT = Instant.parse("2026-11-23T08:00:00Z");
  static final Scope SHA = Scope.site("sha");

  TestWorkflowEnvironment env;
  final JournalFakes fakes = new JournalFakes();

  void start(Instant at) {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder().setInitialTime(at).build());
    var worker = env.newWorker(TaskQueues.WORKFLOWS);
    worker.registerWorkflowImplementationTypes(GatedWorkflowImpl.class);
    worker.registerActivitiesImplementations(fakes);
    env.start();
  }

  @AfterEach
  void close() {
    if (env != null) {
      env.close();
    }
  }

  GatedWorkflow stub(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            GatedWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .build());
  }

  static WindowSpec daily(String name, String zone, int hour, long minutes) {
    return new WindowSpec(
        1,
        name,
        List.of(SHA),
        "FREQ=DAILY;BYHOUR=" + hour + ";BYMINUTE=0",
        null,
        minutes,
        zone,
        "2026-01-01T00:00",
        List.of());
  }

  static Instant t(String iso) {
    return Instant.parse(iso);
  }

  @Nested
  @DisplayName("before a disruptive step")
  class BeforeAStep {
    @Test
    @DisplayName(
        "holds a run started outside its window, visibly, and starts the step at the opening")
    void waitsForTheOpening() {
      fakes.windows.add(daily("day", "UTC", 10, 13 * 60));
      start(EIGHT);
      List<Long> starts = stub("outside").run(new GatedInput("sha", 30, 0, 10));

      assertThat(Instant.ofEpochMilli(starts.getFirst()))
          .isCloseTo(t("2026-11-23T10:00:00Z"), within(1, ChronoUnit.MINUTES));
      assertThat(fakes.kinds())
          .containsSubsequence(
              "push waiting", "push window_open", "push started", "push succeeded");
      var waiting = fakes.events.stream().filter(e -> e.kind().equals("waiting")).findFirst();
      assertThat(waiting.get().detailJson())
          .contains("\"window\":\"window day\"", "\"opensAt\":\"2026-11-23T10:00:00Z\"");
      assertThat(fakes.mirrors)
          .anySatisfy(
              m -> {
                assertThat(m.status()).isEqualTo("waiting");
                assertThat(m.progress().waitingForWindow().waitingFor()).isEqualTo("window day");
              });
      assertThat(fakes.mirrors.getLast().status()).isEqualTo("running");
    }

    @Test
    @DisplayName("waits for the next opening when the step does not fit in what is left")
    void doesNotFit() {
      fakes.windows.add(daily("day", "UTC", 7, 2 * 60));
      start(EIGHT);
      List<Long> starts = stub("too-long").run(new GatedInput("sha", 90, 0, 10));
      assertThat(Instant.ofEpochMilli(starts.getFirst()))
          .isCloseTo(t("2026-11-24T07:00:00Z"), within(1, ChronoUnit.MINUTES));
    }

    @Test
    @DisplayName("lets a step of a scope with no window start at once")
    void noWindow() {
      start(EIGHT);
      List<Long> starts = stub("free").run(new GatedInput("sha", 30, 0, 10));
      assertThat(Instant.ofEpochMilli(starts.getFirst()))
          .isCloseTo(EIGHT, within(1, ChronoUnit.MINUTES));
      assertThat(fakes.kinds()).doesNotContain("push waiting");
    }

    @Test
    @DisplayName("skips the spring-forward night whose 02:00–04:00 window is one hour short")
    void dstSpringForward() {
      fakes.windows.add(daily("night", "Europe/Berlin", 2, 120));
      start(t("2026-03-28T12:00:00Z"));
      List<Long> starts = stub("dst").run(new GatedInput("sha", 90, 0, 10));
      // 2026-03-30 02:00 CEST
      assertThat(Instant.ofEpochMilli(starts.getFirst()))
          .isCloseTo(t("2026-03-30T00:00:00Z"), within(1, ChronoUnit.MINUTES));
    }
  }

  @Nested
  @DisplayName("around a freeze")
  class Freezes {
    @Test
    @DisplayName(
        "stops new disruptive steps, and lifting it with a change signal resumes them at once")
    void freezeAndLift() {
      fakes.freezes.add(
          new FreezeSpec(7, "freeze-now", List.of(), EIGHT.toEpochMilli(), null, "x"));
      start(EIGHT.plusSeconds(60));
      GatedWorkflow run = stub("frozen");
      WorkflowClient.start(run::run, new GatedInput("sha", 30, 0, 10));
      env.sleep(java.time.Duration.ofHours(5));
      assertThat(run.progress().waitingForWindow().waitingFor()).isEqualTo("freeze freeze-now");
      assertThat(fakes.kinds()).doesNotContain("push started");

      fakes.freezes.clear();
      long lifted = env.currentTimeMillis();
      env.getWorkflowClient().newWorkflowStub(WindowAware.class, "frozen").windowsChanged();
      List<Long> starts = WorkflowClient.execute(run::run, null).join();
      assertThat(starts.getFirst()).isCloseTo(lifted, org.assertj.core.data.Offset.offset(60_000L));
    }
  }

  @Nested
  @DisplayName("in a long phase")
  class LongPhase {
    /** Four 25-minute chunks fit the 10:00–12:00 window; the last two wait for the next day's. */
    static final List<String> SIX_CHUNKS_ACROSS_A_CLOSE =
        List.of(
            "2026-11-23T10:00:00Z",
            "2026-11-23T10:25:00Z",
            "2026-11-23T10:50:00Z",
            "2026-11-23T11:15:00Z",
            "2026-11-24T10:00:00Z",
            "2026-11-24T10:25:00Z");

    @Test
    @DisplayName("stops at a chunk boundary when the window closes and resumes there the next day")
    void pausesAndResumes() {
      fakes.windows.add(daily("day", "UTC", 10, 120));
      start(t("2026-11-23T10:00:00Z"));
      List<Long> starts = stub("phase").run(new GatedInput("sha", 0, 6, 25));
      assertThat(
              starts.stream()
                  .map(m -> Instant.ofEpochMilli(m).truncatedTo(ChronoUnit.MINUTES))
                  .map(Instant::toString))
          .containsExactlyElementsOf(SIX_CHUNKS_ACROSS_A_CLOSE);
      assertThat(fakes.kinds())
          .containsSubsequence("copy paused", "copy waiting", "copy window_open");
    }

    @Test
    @DisplayName(
        "continued as new every two chunks across the window close, resumes at the right cursor"
            + " with its progress intact")
    void continuesAsNewAcrossTheClose() {
      fakes.windows.add(daily("day", "UTC", 10, 120));
      start(t("2026-11-23T10:00:00Z"));
      GatedWorkflow run = stub("phase-can");
      List<Long> starts = run.run(new GatedInput("sha", 0, 6, 25, 2, null));

      assertThat(
              starts.stream()
                  .map(m -> Instant.ofEpochMilli(m).truncatedTo(ChronoUnit.MINUTES))
                  .map(Instant::toString))
          .containsExactlyElementsOf(SIX_CHUNKS_ACROSS_A_CLOSE);
      assertThat(Executions.of(env.getWorkflowClient(), run)).hasSize(3);
      assertThat(fakes.events.stream().filter(e -> e.kind().equals("succeeded")))
          .extracting(e -> e.step() + " " + e.target())
          .containsExactly(
              "copy chunk-1",
              "copy chunk-2",
              "copy chunk-3",
              "copy chunk-4",
              "copy chunk-5",
              "copy chunk-6");
      assertThat(fakes.events).extracting(e -> e.seq()).doesNotHaveDuplicates();
      var progress = run.progress();
      assertThat(progress.done()).isEqualTo(6);
      assertThat(progress.figures()).containsEntry("copy.chunks", 6L);
      assertThat(fakes.outcomes)
          .singleElement()
          .satisfies(o -> assertThat(o.status()).isEqualTo("succeeded"));
    }
  }
}
