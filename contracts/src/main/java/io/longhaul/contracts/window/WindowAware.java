package io.longhaul.contracts.window;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;

/**
 * The signal the API sends to live runs whose declared scopes a window or freeze change touches.
 * The window gate registers it as a listener, so operations need not declare it.
 */
@WorkflowInterface
public interface WindowAware {
  String CHANGED = "windowsChanged";

  @SignalMethod(name = CHANGED)
  void windowsChanged();
}
