package io.longhaul.workflows.testkit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.NonDeterministicException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Replays recorded histories (resources under {@code src/test/resources/histories/}) on today's
 * workflow code, so a change that would break runs in flight fails a test. Recording is deliberate:
 * a test that records runs only with {@code -Dlonghaul.record-histories=true}, and a recording is a
 * new file beside the old ones, never an overwrite of a generation still in flight.
 */
public final class HistoryReplay {
  /** The system property that switches recording tests on. */
  public static final String RECORD = "longhaul.record-histories";

  private HistoryReplay() {}

  /** Every history replays on {@code workflow} without nondeterminism; a failure names it. */
  public static void assertReplays(List<String> histories, Class<?> workflow, Class<?>... more) {
    for (String history : histories) {
      assertThatCode(
              () -> WorkflowReplayer.replayWorkflowExecutionFromResource(history, workflow, more))
          .as(history)
          .doesNotThrowAnyException();
    }
  }

  /**
   * The negative control: a history does not replay on an implementation that issues other
   * commands, so the replay test above can fail at all. It must fail for non-determinism (the SDK's
   * TMPRL1100), not for any other reason (a missing file, a type not registered).
   */
  public static void assertFailsToReplay(
      String history, Class<?> changedWorkflow, Class<?>... more) {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    history, changedWorkflow, more))
        .as(history + " on " + changedWorkflow.getSimpleName())
        .hasMessageContaining(NonDeterministicException.class.getName())
        .hasMessageContaining("TMPRL1100");
  }

  /** Writes a finished run's history to {@code src/test/resources/<resource>} (a new file). */
  public static void record(WorkflowClient client, String workflowId, String resource) {
    Path file = Path.of("src/test/resources", resource);
    try {
      Files.writeString(file, client.fetchHistory(workflowId).toJson(true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
