package io.longhaul.server.echo;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

@WorkflowInterface
public interface EchoWorkflow {
  @WorkflowMethod
  String run(EchoInput input);

  @SignalMethod
  void proceed();
}
