package io.longhaul.workflows.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The steps a run expects, for its progress: each step's name with the number of targets it runs
 * on. Every change sets the journal's total to the plan's sum, so an operation names its steps and
 * their fan-out instead of working out a total by hand; a fan-out's count is set again once its
 * targets are known.
 */
public final class StepPlan {
  private final RunJournal journal;
  private final Map<String, Integer> targets = new LinkedHashMap<>();

  public StepPlan(RunJournal journal) {
    this.journal = journal;
  }

  /** Each of these steps runs on one target. */
  public StepPlan once(String... steps) {
    return each(1, steps);
  }

  /** Each of these steps runs on {@code count} targets; replaces the count planned before. */
  public StepPlan each(int count, String... steps) {
    for (String step : steps) {
      targets.put(step, count);
    }
    journal.expect(total());
    return this;
  }

  /** How many steps the run expects in all. */
  public int total() {
    return targets.values().stream().mapToInt(Integer::intValue).sum();
  }
}
