package io.longhaul.workflows.common;

import io.longhaul.contracts.control.JournalCarry;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.Verdict;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A long phase worked in chunks, each chunk a journal step ({@code <phase>} on target {@code
 * chunk-<n>}) whose result is the cursor the next chunk starts from. So a chunk's cursor goes to
 * the step ledger (a re-run of the change reuses finished chunks), a failed chunk parks for an
 * operator like any step, and every chunk counts in progress.
 *
 * <p>With {@link #inWindow} the phase runs only while a window of its scopes is open with room for
 * a chunk: when the window closes (or a freeze starts, or a change shortens it) the phase stops at
 * the chunk boundary, records {@code paused}, waits for the next opening and resumes there. With
 * {@link #continueAsNewEvery} the run continues as new after that many chunks, its cursor carried
 * by the journal, so a phase of days keeps a bounded history.
 */
public final class CheckpointedPhase<C> {
  private final String name;
  private final Class<C> cursorType;
  private final List<Scope> scopes;
  private final Duration chunkTime;
  private final int chunksPerExecution;
  private final Functions.Func1<JournalCarry, Object> nextInput;

  private CheckpointedPhase(
      String name,
      Class<C> cursorType,
      List<Scope> scopes,
      Duration chunkTime,
      int chunksPerExecution,
      Functions.Func1<JournalCarry, Object> nextInput) {
    this.name = Objects.requireNonNull(name, "name");
    this.cursorType = Objects.requireNonNull(cursorType, "cursorType");
    this.scopes = scopes;
    this.chunkTime = chunkTime;
    this.chunksPerExecution = chunksPerExecution;
    this.nextInput = nextInput;
  }

  public static <C> CheckpointedPhase<C> of(String name, Class<C> cursorType) {
    return new CheckpointedPhase<>(name, cursorType, List.of(), Duration.ZERO, 0, null);
  }

  /** Chunks run only inside an open window of these scopes with {@code chunkTime} left. */
  public CheckpointedPhase<C> inWindow(Duration chunkTime, Scope... phaseScopes) {
    if (phaseScopes.length == 0) {
      throw new IllegalArgumentException("a windowed phase declares at least one scope");
    }
    return new CheckpointedPhase<>(
        name, cursorType, List.of(phaseScopes), chunkTime, chunksPerExecution, nextInput);
  }

  /**
   * Continues the run as new after {@code chunks} chunks of one execution; {@code nextInput} builds
   * the workflow's input for the next execution from the journal's carry (the phase's cursor is in
   * it), and the workflow passes that carry to {@link RunJournal#resume} first thing.
   */
  public CheckpointedPhase<C> continueAsNewEvery(
      int chunks, Functions.Func1<JournalCarry, Object> nextInput) {
    if (chunks < 1) {
      throw new IllegalArgumentException("continue as new after at least one chunk");
    }
    return new CheckpointedPhase<>(
        name, cursorType, scopes, chunkTime, chunks, Objects.requireNonNull(nextInput));
  }

  /** Where the phase stands between executions: chunks done and the cursor they left. */
  record Mark(int chunk, Object cursor) {}

  /**
   * Runs chunks from {@code start} (or from where the previous execution stopped) until {@code
   * finished} holds for the cursor; returns the last cursor.
   */
  public C run(
      RunJournal journal,
      C start,
      Functions.Func1<C, C> chunk,
      Functions.Func1<C, Boolean> finished) {
    String carried = journal.cursor(name);
    Mark mark = carried == null ? null : JsonValues.fromJson(carried, Mark.class);
    int n = mark == null ? 0 : mark.chunk();
    C cursor = mark == null ? start : JsonValues.convert(mark.cursor(), cursorType);
    int thisExecution = 0;
    Instant closesAt = null;
    boolean inside = false;
    while (!finished.apply(cursor)) {
      if (chunksPerExecution > 0 && thisExecution >= chunksPerExecution) {
        journal.cursor(name, JsonValues.toJson(new Mark(n, cursor)));
        journal.continueAsNew(nextInput);
      }
      if (!scopes.isEmpty()) {
        WindowGate gate = journal.windows();
        if (!inside || gate.changed() || !fits(closesAt)) {
          Verdict v = inside ? gate.verdict(scopes, chunkTime) : null;
          if (v != null && v.open()) {
            closesAt = v.closesAt();
          } else {
            if (inside) {
              journal.event(name, null, "paused", null, pauseDetail(v));
            }
            closesAt = gate.awaitOpen(name, null, scopes, chunkTime);
          }
          gate.clearChanged();
          inside = true;
        }
      }
      n++;
      C before = cursor;
      cursor = journal.step(Step.of(name, "chunk-" + n, cursorType), () -> chunk.apply(before));
      journal.figure(name + ".chunks", n);
      thisExecution++;
    }
    journal.cursor(name, JsonValues.toJson(new Mark(n, cursor)));
    return cursor;
  }

  private boolean fits(Instant closesAt) {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    return closesAt == null || !now.plus(chunkTime).isAfter(closesAt);
  }

  private static String pauseDetail(Verdict v) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("window", v.waitingFor());
    detail.put("reason", v.reason());
    detail.put("opensAt", v.opensAt() == null ? null : v.opensAt().toString());
    return JsonValues.toJson(detail);
  }
}
