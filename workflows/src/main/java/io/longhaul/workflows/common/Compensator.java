package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Actions;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.JournalCarry.CarriedUndo;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Functions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The run's saga: compensations registered before their side effects and run newest first when the
 * run is aborted, cancelled or fails, each visible on the timeline; a failing one parks as {@code
 * undo:<step>} until an operator retries or skips it.
 *
 * <p>A compensation is either a closure (cheap, but lost with the execution) or a named undo with a
 * JSON argument, which survives continue-as-new: the workflow registers the undo's body by name
 * ({@link #handle}) at every start, and the argument travels in the {@link CarriedUndo}.
 */
final class Compensator {
  static final String NO_UNDO_HANDLER = "NoUndoHandler";

  private record Entry(String step, String target, Functions.Proc undo, CarriedUndo carried) {}

  private record Handler<A>(Class<A> argType, Functions.Proc1<A> body) {
    void run(String argJson) {
      body.apply(JsonValues.fromJson(argJson, argType));
    }
  }

  private final Deque<Entry> stack = new ArrayDeque<>();
  private final Map<String, Handler<?>> handlers = new HashMap<>();
  private final Timeline timeline;
  private final Parking parking;
  private final Ledger ledger;

  Compensator(Timeline timeline, Parking parking, Ledger ledger) {
    this.timeline = timeline;
    this.parking = parking;
    this.ledger = ledger;
  }

  <A> void handle(String undo, Class<A> argType, Functions.Proc1<A> body) {
    handlers.put(undo, new Handler<>(argType, body));
  }

  void register(String step, String target, Functions.Proc undo) {
    stack.push(new Entry(step, target, undo, null));
  }

  void register(String step, String target, String undo, Object arg) {
    stack.push(
        new Entry(step, target, null, new CarriedUndo(step, target, undo, JsonValues.toJson(arg))));
  }

  /** The compensations owed, oldest first; refuses closures, which cannot travel. */
  List<CarriedUndo> carry() {
    List<CarriedUndo> out = new ArrayList<>();
    for (Iterator<Entry> it = stack.descendingIterator(); it.hasNext(); ) {
      Entry e = it.next();
      if (e.carried() == null) {
        throw new IllegalStateException(
            "the compensation of "
                + e.step()
                + " is a closure and cannot continue as new; register it by name"
                + " (Step.compensatedBy(undo, arg))");
      }
      out.add(e.carried());
    }
    return out;
  }

  void restore(List<CarriedUndo> undos) {
    undos.forEach(u -> stack.push(new Entry(u.step(), u.target(), null, u)));
  }

  /** Runs the compensations newest first; a failing one parks until retried or skipped. */
  void compensate(Duration giveUpAfter) {
    for (Entry c = stack.poll(); c != null; c = stack.poll()) {
      for (int attempt = 1; ; attempt++) {
        timeline.record(c.step(), c.target(), "compensating", attempt, null, null);
        try {
          undo(c);
          ledger.withdraw(
              timeline, timeline.event(c.step(), c.target(), "compensated", attempt, null, null));
          break;
        } catch (TemporalFailure e) {
          timeline.record(c.step(), c.target(), "compensation_failed", attempt, e, null);
          Decision d =
              parking.park(
                  Parking.undo(c.step(), c.target(), attempt, e, giveUpAfter), null, giveUpAfter);
          if (d == null || Actions.SKIP.equals(d.action())) {
            timeline.record(c.step(), c.target(), "skipped", attempt, null, null);
            break;
          }
        }
      }
    }
  }

  private void undo(Entry c) {
    if (c.undo() != null) {
      c.undo().apply();
      return;
    }
    Handler<?> h = handlers.get(c.carried().undo());
    if (h == null) {
      throw ApplicationFailure.newNonRetryableFailure(
          "no undo named " + c.carried().undo() + " is registered by this workflow",
          NO_UNDO_HANDLER);
    }
    h.run(c.carried().argJson());
  }
}
