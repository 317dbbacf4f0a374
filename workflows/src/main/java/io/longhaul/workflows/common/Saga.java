package io.longhaul.workflows.common;

import io.temporal.workflow.Functions;
import java.util.ArrayDeque;
import java.util.Deque;

/** Compensations registered before their side effects, undone last-in first-out. */
final class Saga {
  record Compensation(String step, String target, Functions.Proc undo) {}

  private final Deque<Compensation> stack = new ArrayDeque<>();

  void register(String step, String target, Functions.Proc undo) {
    stack.push(new Compensation(step, target, undo));
  }

  Compensation next() {
    return stack.poll();
  }

  boolean isEmpty() {
    return stack.isEmpty();
  }
}
