package io.longhaul.api.runbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.action.ActionContract;
import io.longhaul.contracts.action.Actions;
import io.longhaul.contracts.action.DryRunRequest;
import io.longhaul.contracts.spawn.LeafPlan;
import io.longhaul.contracts.spawn.OverlayPlanRequest;
import io.longhaul.dsl.RunbookInput;
import io.longhaul.dsl.check.Values;
import io.longhaul.dsl.model.ActionStep;
import io.longhaul.dsl.model.ApprovalStep;
import io.longhaul.dsl.model.FailStep;
import io.longhaul.dsl.model.ForeachStep;
import io.longhaul.dsl.model.IfStep;
import io.longhaul.dsl.model.ParallelStep;
import io.longhaul.dsl.model.RunbookCallStep;
import io.longhaul.dsl.model.RunbookStep;
import io.longhaul.dsl.model.WaitUntilStep;
import io.longhaul.dsl.model.WindowStep;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * A runbook's plan before it runs: every step it would take with the params given (inputs resolved
 * as far as params allow; what depends on an earlier step's output stays an expression), and for
 * each overlay push the exact lines the leaf would get, asked of the site's devices (the lab twin
 * in the lab) by a read-only workflow. Nothing is recorded, started or changed.
 */
@Component
public class DryRuns {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PUSH = "switch.push-overlay";

  private final WorkflowClient temporal;

  public DryRuns(WorkflowClient temporal) {
    this.temporal = temporal;
  }

  public record PlannedStep(
      String step,
      String kind,
      String target,
      String action,
      String queue,
      Object input,
      String undo,
      String detail,
      List<String> lines) {}

  public record Plan(
      String runbook, int version, String site, List<PlannedStep> steps, List<String> notes) {}

  public Plan plan(RunbookInput in) {
    List<PlannedStep> steps = new ArrayList<>();
    Map<String, Object> vars = new HashMap<>();
    vars.put("params", in.params());
    vars.put("steps", Map.of());
    walk(in.definition().steps(), vars, "", null, steps);
    List<String> notes = new ArrayList<>();
    return new Plan(in.runbook(), in.version(), in.site(), lines(in.site(), steps, notes), notes);
  }

  private void walk(
      List<RunbookStep> steps,
      Map<String, Object> vars,
      String prefix,
      String target,
      List<PlannedStep> out) {
    for (RunbookStep s : steps) {
      String id = prefix + s.id();
      switch (s) {
        case ActionStep a -> {
          ActionContract c = Actions.find(a.action()).orElseThrow();
          String undo =
              a.options().compensate() != null ? a.options().compensate().action() : c.undoAction();
          out.add(
              new PlannedStep(
                  id,
                  "action",
                  target,
                  a.action(),
                  c.queue().name().toLowerCase(java.util.Locale.ROOT),
                  lenient(a.input(), vars),
                  undo,
                  null,
                  List.of()));
        }
        case WaitUntilStep w ->
            out.add(
                new PlannedStep(
                    id,
                    "wait-until",
                    target,
                    w.action(),
                    null,
                    lenient(w.input(), vars),
                    null,
                    "until "
                        + w.condition()
                        + (w.deadline() == null ? "" : " within " + w.deadline()),
                    List.of()));
        case ParallelStep p -> walk(p.steps(), vars, prefix, target, out);
        case ForeachStep f -> {
          Object items = tryEval(f.items(), vars);
          if (items instanceof List<?> l) {
            for (Object item : l) {
              Map<String, Object> v = new HashMap<>(vars);
              v.put(f.as(), item);
              walk(
                  f.steps(),
                  v,
                  prefix,
                  target == null ? String.valueOf(item) : target + "/" + item,
                  out);
            }
          } else {
            out.add(
                new PlannedStep(
                    id,
                    "foreach",
                    target,
                    null,
                    null,
                    null,
                    null,
                    "for each " + f.as() + " in " + f.items() + ", known only when it runs",
                    List.of()));
            walk(f.steps(), vars, prefix, target, out);
          }
        }
        case IfStep i -> {
          Object cond = tryEval(i.condition(), vars);
          if (cond instanceof Boolean b) {
            walk(b ? i.then() : i.otherwise(), vars, prefix, target, out);
          } else {
            out.add(
                new PlannedStep(
                    id,
                    "if",
                    target,
                    null,
                    null,
                    null,
                    null,
                    "if " + i.condition() + " (decided when it runs): then, else",
                    List.of()));
            walk(i.then(), vars, prefix, target, out);
            walk(i.otherwise(), vars, prefix, target, out);
          }
        }
        case ApprovalStep a ->
            out.add(
                new PlannedStep(
                    id,
                    "approval",
                    target,
                    null,
                    null,
                    null,
                    null,
                    a.role() + " approves: " + lenient(a.plan(), vars),
                    List.of()));
        case WindowStep w -> {
          out.add(
              new PlannedStep(
                  id,
                  "window",
                  target,
                  null,
                  null,
                  null,
                  null,
                  "inside a maintenance window of " + w.scopes(),
                  List.of()));
          walk(w.steps(), vars, prefix, target, out);
        }
        case RunbookCallStep c -> {
          Map<String, Object> v = new HashMap<>();
          v.put("params", lenient(c.params(), vars));
          v.put("steps", Map.of());
          out.add(
              new PlannedStep(
                  id,
                  "runbook",
                  target,
                  null,
                  null,
                  v.get("params"),
                  null,
                  "runbook " + c.runbook() + " v" + c.version(),
                  List.of()));
          walk(c.definition().steps(), v, id + ".", target, out);
        }
        case FailStep f ->
            out.add(
                new PlannedStep(
                    id,
                    "fail",
                    target,
                    null,
                    null,
                    null,
                    null,
                    String.valueOf(lenient(f.message(), vars)),
                    List.of()));
      }
    }
  }

  /** Each overlay push whose leaf and bindings are known from params, with the leaf's lines. */
  private List<PlannedStep> lines(String site, List<PlannedStep> steps, List<String> notes) {
    Map<Integer, OverlayPlanRequest> asks = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      PlannedStep s = steps.get(i);
      if (PUSH.equals(s.action()) && s.input() instanceof Map<?, ?> in) {
        try {
          asks.put(
              i,
              new OverlayPlanRequest(
                  String.valueOf(in.get("switchName")),
                  List.of(
                      JSON.convertValue(
                          in.get("apply"), io.longhaul.contracts.spawn.LeafBinding[].class))));
        } catch (IllegalArgumentException e) {
          notes.add(s.step() + ": its bindings are known only when it runs, so its lines are too");
        }
      }
    }
    if (asks.isEmpty() || site == null) return steps;
    WorkflowStub stub =
        temporal.newUntypedWorkflowStub(
            DryRunRequest.WORKFLOW_TYPE,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setWorkflowId("dry-run-" + UUID.randomUUID())
                .setWorkflowExecutionTimeout(Duration.ofMinutes(1))
                .build());
    List<PlannedStep> out = new ArrayList<>(steps);
    try {
      stub.start(new DryRunRequest(site, List.copyOf(asks.values())));
      LeafPlan[] plans = stub.getResult(60, TimeUnit.SECONDS, LeafPlan[].class);
      int k = 0;
      for (int i : asks.keySet()) {
        PlannedStep s = out.get(i);
        out.set(
            i,
            new PlannedStep(
                s.step(),
                s.kind(),
                s.target(),
                s.action(),
                s.queue(),
                s.input(),
                s.undo(),
                plans[k].dialect(),
                plans[k].commands()));
        k++;
      }
    } catch (Exception e) {
      notes.add("the leaves could not be asked for their lines: " + e.getMessage());
    }
    return out;
  }

  private static Object tryEval(String expr, Map<String, Object> vars) {
    try {
      return Values.eval(expr, vars);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Resolved where params suffice; an expression over a step's output stays as written. */
  private static Object lenient(Object v, Map<String, Object> vars) {
    return switch (v) {
      case String s -> {
        try {
          yield Values.resolve(s, vars);
        } catch (RuntimeException e) {
          yield s;
        }
      }
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), lenient(x, vars)));
        yield out;
      }
      case List<?> l -> l.stream().map(x -> lenient(x, vars)).toList();
      case null -> null;
      default -> v;
    };
  }
}
