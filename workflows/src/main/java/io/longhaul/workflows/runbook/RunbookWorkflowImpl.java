package io.longhaul.workflows.runbook;

import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.dsl.RunbookInput;
import io.longhaul.dsl.model.Runbook;
import io.longhaul.dsl.model.RunbookStep;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one interpreter of every runbook: the pinned definition's steps run in order through the run
 * journal ({@link Interpreter}), under the run-level leases, so ledger, parking, operator control,
 * windows, compensation and progress are the platform's, with no code of their own here.
 */
public class RunbookWorkflowImpl extends ControlledWorkflow implements RunbookWorkflow {

  @Override
  public Result run(RunbookInput input) {
    Runbook rb = input.definition();
    Interpreter interpreter = new Interpreter(journal, rb.scopes());
    return journal.run(
        () -> {
          Context root =
              Context.root(
                  Map.of("id", Workflow.getInfo().getWorkflowId(), "changeId", journal.changeId()),
                  input.params(),
                  input.site());
          journal.expect(Interpreter.count(rb.steps()));
          List<String> leases =
              rb.leases().stream().map(l -> String.valueOf(root.resolve(l, Map.of()))).toList();
          journal.withLeases(
              LeasePolicy.WAIT,
              leases,
              () -> {
                interpreter.block(rb.steps(), root);
                return null;
              });
          Map<String, Object> outputs = new LinkedHashMap<>();
          for (RunbookStep s : rb.steps()) {
            if (root.outputs.containsKey(s.id())) outputs.put(s.id(), root.outputs.get(s.id()));
          }
          return new Result(input.runbook(), input.version(), outputs);
        });
  }
}
