package io.longhaul.contracts.control;

import java.util.List;
import java.util.Map;

/**
 * What a run's journal hands to its next execution when the workflow continues as new: where the
 * event numbering stands, the progress shown to operators, the leases it holds, the compensations
 * still owed, and the cursors of its checkpointed phases. A workflow input that may continue as new
 * carries one (null on the first execution).
 *
 * @param startedMillis when the first execution began, so the ETA spans every execution
 */
public record JournalCarry(
    int seq,
    int done,
    int total,
    String phase,
    Map<String, Long> figures,
    List<String> heldLeases,
    List<CarriedUndo> undos,
    Map<String, String> cursors,
    long startedMillis) {

  public JournalCarry {
    figures = figures == null ? Map.of() : Map.copyOf(figures);
    heldLeases = heldLeases == null ? List.of() : List.copyOf(heldLeases);
    undos = undos == null ? List.of() : List.copyOf(undos);
    cursors = cursors == null ? Map.of() : Map.copyOf(cursors);
  }

  /**
   * A compensation owed for a step that already ran, by the name of the undo the workflow registers
   * (see the journal's {@code undo}) and its argument as JSON; registered oldest first.
   */
  public record CarriedUndo(String step, String target, String undo, String argJson) {}
}
