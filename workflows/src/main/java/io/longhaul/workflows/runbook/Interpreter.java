package io.longhaul.workflows.runbook;

import io.longhaul.contracts.action.ActionContract;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.window.Scope;
import io.longhaul.dsl.model.ActionStep;
import io.longhaul.dsl.model.ApprovalStep;
import io.longhaul.dsl.model.Compensation;
import io.longhaul.dsl.model.FailStep;
import io.longhaul.dsl.model.ForeachStep;
import io.longhaul.dsl.model.IfStep;
import io.longhaul.dsl.model.ParallelStep;
import io.longhaul.dsl.model.RunbookCallStep;
import io.longhaul.dsl.model.RunbookStep;
import io.longhaul.dsl.model.StepOptions;
import io.longhaul.dsl.model.WaitUntilStep;
import io.longhaul.dsl.model.WindowStep;
import io.longhaul.workflows.common.Approval;
import io.longhaul.workflows.common.ConditionWait;
import io.longhaul.workflows.common.RunJournal;
import io.longhaul.workflows.common.Step;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Runs runbook steps, one kind each, on the journal's step library: an action is a journal step
 * (reused from the ledger by a re-run, parked on failure, its undo registered before it runs), a
 * parallel or foreach is {@code journal.forEach}, a wait-until a {@link ConditionWait}, an approval
 * a step approved by an approver, a window block's actions gated by the window.
 */
final class Interpreter {
  /** The failure type of a {@code fail} step. */
  static final String RUNBOOK_FAILED = "RunbookFailed";

  private final RunJournal journal;
  private final List<String> defaultScopes;

  Interpreter(RunJournal journal, List<String> defaultScopes) {
    this.journal = journal;
    this.defaultScopes = defaultScopes;
  }

  /** The leaf steps a runbook has, a foreach's body counted once: the progress total. */
  static int count(List<RunbookStep> steps) {
    int n = 0;
    for (RunbookStep s : steps) {
      n +=
          switch (s) {
            case RunbookCallStep c -> c.definition() == null ? 1 : count(c.definition().steps());
            default -> s.children().isEmpty() ? 1 : count(s.children());
          };
    }
    return n;
  }

  void block(List<RunbookStep> steps, Context ctx) {
    for (RunbookStep s : steps) {
      journal.phase(ctx.stepName(s.id()));
      step(s, ctx);
    }
  }

  private void step(RunbookStep s, Context ctx) {
    switch (s) {
      case ActionStep a -> ctx.output(a.id(), action(a, ctx));
      case WaitUntilStep w -> ctx.output(w.id(), waitUntil(w, ctx));
      case ParallelStep p ->
          journal.forEach(
              IntStream.range(0, p.steps().size()).boxed().toList(),
              p.steps().size(),
              i -> {
                step(p.steps().get(i), ctx);
                return i;
              });
      case ForeachStep f -> {
        Object items = ctx.eval(f.items(), Map.of());
        List<?> list = items instanceof List<?> l ? l : List.of();
        journal.forEach(
            list.stream().map(x -> (Object) x).toList(),
            f.concurrency(),
            item -> {
              block(f.steps(), ctx.element(f.as(), item));
              return item;
            });
      }
      case IfStep i ->
          block(
              Boolean.TRUE.equals(ctx.eval(i.condition(), Map.of())) ? i.then() : i.otherwise(),
              ctx);
      case ApprovalStep a -> {
        String plan = String.valueOf(ctx.resolve(a.plan(), Map.of()));
        Duration expires = a.expires() == null ? null : Duration.parse(a.expires());
        journal.step(
            options(Step.<Void>untyped(ctx.stepName(a.id()), ctx.target), a.options(), ctx)
                .approvedBy(new Approval(a.role(), plan, expires)),
            () -> null);
      }
      case WindowStep w -> {
        List<String> texts = w.scopes().isEmpty() ? defaultScopes : w.scopes();
        List<Scope> scopes =
            texts.stream().map(t -> Scope.parse(String.valueOf(ctx.resolve(t, Map.of())))).toList();
        block(w.steps(), ctx.inWindow(scopes, Duration.parse(w.expected())));
      }
      case RunbookCallStep c -> {
        Map<String, Object> params = ctx.resolveMap(c.params(), Map.of());
        String siteParam = c.definition().siteParam();
        String site =
            siteParam != null && params.get(siteParam) != null
                ? String.valueOf(params.get(siteParam))
                : ctx.site;
        block(c.definition().steps(), ctx.call(c.id(), params, site));
      }
      case FailStep f ->
          throw ApplicationFailure.newNonRetryableFailure(
              String.valueOf(ctx.resolve(f.message(), Map.of())), RUNBOOK_FAILED);
    }
  }

  private Map<String, Object> action(ActionStep a, Context ctx) {
    ActionContract contract = ActionCalls.contract(a.action());
    String name = ctx.stepName(a.id());
    // Resolved before the step: an input that cannot be worked out fails the run with its reason
    // (RunbookExpressionFailed) rather than a step an operator could only retry unchanged.
    Map<String, Object> input = ctx.resolveMap(a.input(), Map.of());
    @SuppressWarnings({"unchecked", "rawtypes"})
    Step<Map<String, Object>> spec = (Step) Step.of(name, ctx.target, Map.class);
    Map<String, Object>[] seen = newOutputHolder();
    spec = options(spec, a.options(), ctx);
    Compensation undo = undoOf(a, contract);
    if (undo != null) {
      spec = spec.compensatedBy(() -> compensate(undo, input, seen[0], ctx, name));
    }
    if (!ctx.windowScopes.isEmpty()) {
      spec = spec.inWindow(ctx.windowExpected, ctx.windowScopes.toArray(Scope[]::new));
    }
    if (contract.queue() == ActionContract.Queue.IN_TASK) {
      Map<String, Object> out =
          journal.step(spec, () -> Map.of("message", String.valueOf(input.get("message"))));
      seen[0] = out;
      return out;
    }
    Map<String, Object> out =
        journal.step(
            spec,
            () ->
                ActionCalls.call(
                    contract, input, ctx.site, a.options().retry(), a.options().timeout()));
    seen[0] = out;
    return out;
  }

  /** The step's own compensate, else the registry's built-in undo; null when neither. */
  private static Compensation undoOf(ActionStep a, ActionContract contract) {
    if (a.options().compensate() != null) return a.options().compensate();
    if (contract.undo() == ActionContract.Undo.BUILT_IN) {
      return new Compensation(contract.undoAction(), Map.copyOf(contract.undoInput()));
    }
    return null;
  }

  private void compensate(
      Compensation undo,
      Map<String, Object> input,
      Map<String, Object> output,
      Context ctx,
      String step) {
    ActionContract contract = ActionCalls.contract(undo.action());
    Map<String, Object> extra =
        Map.of("input", input, "output", output == null ? Map.of() : output);
    Map<String, Object> undoInput = ctx.resolveMap(undo.input(), extra);
    ActionCalls.call(contract, undoInput, ctx.site, null, null);
  }

  private Map<String, Object> waitUntil(WaitUntilStep w, Context ctx) {
    ActionContract contract = ActionCalls.contract(w.action());
    Map<String, Object> input = ctx.resolveMap(w.input(), Map.of());
    Duration every = w.interval() == null ? Duration.ofSeconds(10) : Duration.parse(w.interval());
    Duration longest =
        w.maxInterval() == null ? Duration.ofMinutes(10) : Duration.parse(w.maxInterval());
    @SuppressWarnings({"unchecked", "rawtypes"})
    ConditionWait<Map<String, Object>> wait =
        (ConditionWait)
            ConditionWait.of(ctx.stepName(w.id()), ctx.target, w.condition(), Map.class)
                .polling(every, longest.compareTo(every) < 0 ? every : longest);
    if (w.deadline() != null) wait = wait.deadline(Duration.parse(w.deadline()));
    return wait.await(
        journal,
        () ->
            ActionCalls.call(contract, input, ctx.site, w.options().retry(), w.options().timeout()),
        out -> Boolean.TRUE.equals(ctx.eval(w.condition(), Map.of("output", out))));
  }

  private static <R> Step<R> options(Step<R> spec, StepOptions o, Context ctx) {
    if (o.skippable()) spec = spec.skippable();
    if (!o.leases().isEmpty()) {
      spec =
          spec.leases(
              LeasePolicy.WAIT,
              o.leases().stream()
                  .map(l -> String.valueOf(ctx.resolve(l, Map.of())))
                  .toArray(String[]::new));
    }
    return spec;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object>[] newOutputHolder() {
    return new Map[1];
  }
}
