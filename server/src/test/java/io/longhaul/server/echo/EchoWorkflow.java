package io.longhaul.server.echo;

import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.operation.Operation;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

@WorkflowInterface
@Operation(
    name = EchoOperation.NAME,
    title = "Echo (test only)",
    description = "Echoes a message through a few recorded steps.",
    schema = "test-operations/echo.schema.json",
    siteField = "site")
public interface EchoWorkflow extends OperatorControlled {
  @WorkflowMethod
  String run(EchoInput input);

  @SignalMethod
  void proceed();
}
