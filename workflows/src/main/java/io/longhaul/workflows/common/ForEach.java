package io.longhaul.workflows.common;

import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same work on many targets, at most {@code parallelism} at a time, each in its own workflow
 * thread and cancellation scope: a target whose step parks waits for its operator while the others
 * go on. An operator's abort of one target cancels the others (their steps stop where they are; the
 * run then compensates). Otherwise, when every target has ended, the first failure in target order
 * is rethrown; without one the results come back by target, in target order.
 */
final class ForEach<T, R> {
  private final List<CancellationScope> scopes = new ArrayList<>();
  private TemporalFailure abort;
  private int running;

  private ForEach() {}

  static <T, R> Map<T, R> run(List<T> targets, int parallelism, Functions.Func1<T, R> body) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
    return new ForEach<T, R>().all(targets, parallelism, body);
  }

  private Map<T, R> all(List<T> targets, int parallelism, Functions.Func1<T, R> body) {
    List<Promise<R>> promises = new ArrayList<>(targets.size());
    for (T target : targets) {
      Workflow.await(() -> running < parallelism || abort != null);
      if (abort != null) {
        break;
      }
      running++;
      CancellationScope scope =
          Workflow.newCancellationScope(
              () -> promises.add(Async.function(() -> one(target, body))));
      scopes.add(scope);
      scope.run();
    }
    Map<T, R> results = new LinkedHashMap<>();
    TemporalFailure first = null;
    for (int i = 0; i < promises.size(); i++) {
      try {
        results.put(targets.get(i), promises.get(i).get());
      } catch (TemporalFailure e) {
        first = first == null ? e : first;
      }
    }
    if (abort != null) {
      throw abort;
    }
    if (first != null) {
      throw first;
    }
    return results;
  }

  private R one(T target, Functions.Func1<T, R> body) {
    try {
      return body.apply(target);
    } catch (TemporalFailure e) {
      if (abort == null && StepRunner.ABORTED.equals(FailureText.typeOf(e))) {
        abort = e;
        scopes.forEach(CancellationScope::cancel);
      }
      throw e;
    } finally {
      running--;
    }
  }
}
