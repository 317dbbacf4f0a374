package io.longhaul.workflows.common;

import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Objects;

/**
 * A step that waits for a condition outside the run: it polls (an activity, usually) until a
 * predicate holds or a deadline passes, shown as {@code waiting} with what it waits for. Polls back
 * off from {@code every} to {@code longest}, so a wait of days costs a few hundred events. A
 * deadline that passes fails the step, which parks: an operator may wait again (retry), skip or
 * abort.
 */
public final class ConditionWait<T> {
  /** The failure type of a wait whose deadline passed. */
  public static final String DEADLINE_PASSED = "ConditionDeadlinePassed";

  private final String step;
  private final String target;
  private final String condition;
  private final Class<T> resultType;
  private Duration every = Duration.ofSeconds(10);
  private Duration longest = Duration.ofMinutes(10);
  private Duration deadline;

  private ConditionWait(String step, String target, String condition, Class<T> resultType) {
    this.step = Objects.requireNonNull(step, "step");
    this.target = target;
    this.condition = Objects.requireNonNull(condition, "condition");
    this.resultType = Objects.requireNonNull(resultType, "resultType");
  }

  /** {@code condition} is what the run shows it waits for, e.g. "0 under-replicated blocks". */
  public static <T> ConditionWait<T> of(
      String step, String target, String condition, Class<T> resultType) {
    return new ConditionWait<>(step, target, condition, resultType);
  }

  public ConditionWait<T> polling(Duration first, Duration longestInterval) {
    this.every = first;
    this.longest = longestInterval;
    return this;
  }

  /** Fails the step when the condition does not hold within {@code wait} of its start. */
  public ConditionWait<T> deadline(Duration wait) {
    this.deadline = wait;
    return this;
  }

  /** Waits; returns the observation that satisfied the predicate. */
  public T await(RunJournal journal, Functions.Func<T> poll, Functions.Func1<T, Boolean> holds) {
    return journal.step(
        Step.of(step, target, resultType),
        () -> {
          long deadlineAt =
              deadline == null
                  ? Long.MAX_VALUE
                  : Workflow.currentTimeMillis() + deadline.toMillis();
          Duration interval = every;
          boolean shown = false;
          try {
            while (true) {
              T seen = poll.apply();
              if (holds.apply(seen)) {
                return seen;
              }
              long left = deadlineAt - Workflow.currentTimeMillis();
              if (left <= 0) {
                throw ApplicationFailure.newNonRetryableFailure(
                    condition + " did not hold within " + deadline + "; last seen: " + seen,
                    DEADLINE_PASSED);
              }
              if (!shown) {
                journal.conditionWait(step, target, condition, true);
                shown = true;
              }
              Workflow.sleep(interval.toMillis() < left ? interval : Duration.ofMillis(left));
              interval =
                  interval.multipliedBy(2).compareTo(longest) > 0
                      ? longest
                      : interval.multipliedBy(2);
            }
          } finally {
            if (shown) {
              journal.conditionWait(step, target, condition, false);
            }
          }
        });
  }
}
