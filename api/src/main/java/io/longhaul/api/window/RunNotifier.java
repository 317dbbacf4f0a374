package io.longhaul.api.window;

import io.longhaul.contracts.window.WindowAware;
import io.longhaul.db.window.RunScopeRepository;
import io.temporal.client.WorkflowClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tells live runs that declared an affected scope to re-read their windows and freezes. Called
 * after the change is committed; a lost signal is covered by the gate's bounded re-check.
 */
@Component
public class RunNotifier {
  private static final Logger log = LoggerFactory.getLogger(RunNotifier.class);

  private final RunScopeRepository runScopes;
  private final WorkflowClient temporal;

  public RunNotifier(RunScopeRepository runScopes, WorkflowClient temporal) {
    this.runScopes = runScopes;
    this.temporal = temporal;
  }

  /** Signals the runs of these scopes; null (a global freeze) signals every gated live run. */
  public int notify(List<String> scopes) {
    List<String> runs = runScopes.liveRuns(scopes);
    for (String runId : runs) {
      try {
        temporal.newUntypedWorkflowStub(runId).signal(WindowAware.CHANGED);
      } catch (RuntimeException e) {
        log.debug("run {} did not take the window change signal: {}", runId, e.getMessage());
      }
    }
    return runs.size();
  }
}
