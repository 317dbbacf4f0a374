package io.longhaul.workflows.common;

import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.control.Progress;

/**
 * The base of every operation's workflow implementation: it owns the run journal and answers the
 * operator-control update, query and signal that {@link OperatorControlled} puts on every workflow
 * interface, so no operation writes that delegation again.
 */
public abstract class ControlledWorkflow implements OperatorControlled {

  /** The run's journal; a continued run hands it its state with {@link RunJournal#resume}. */
  protected final RunJournal journal = new RunJournal();

  @Override
  public String decide(Decision decision) {
    return journal.decide(decision);
  }

  @Override
  public void validateDecide(Decision decision) {
    journal.validateDecide(decision);
  }

  @Override
  public Progress progress() {
    return journal.progress();
  }

  @Override
  public void leaseAvailable() {
    journal.leaseAvailable();
  }
}
