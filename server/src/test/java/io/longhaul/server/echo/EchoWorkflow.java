package io.longhaul.server.echo;

import io.longhaul.contracts.control.OperatorControlled;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

@WorkflowInterface
public interface EchoWorkflow extends OperatorControlled {
  @WorkflowMethod
  String run(EchoInput input);

  @SignalMethod
  void proceed();
}
