package io.longhaul.activities.window;

import io.longhaul.contracts.window.GateQuery;
import io.longhaul.contracts.window.GateRules;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.WindowActivities;
import io.longhaul.db.run.RunRepository;
import io.longhaul.db.window.FreezeRepository;
import io.longhaul.db.window.RunScopeRepository;
import io.longhaul.db.window.WindowRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Records the scopes first (idempotent), then reads: a change committed after this read is
 * signalled to the run, because the run's scopes were on record before the read.
 */
@Component
public class WindowActivitiesImpl implements WindowActivities {
  private final RunRepository runs;
  private final RunScopeRepository runScopes;
  private final WindowRepository windows;
  private final FreezeRepository freezes;

  public WindowActivitiesImpl(
      RunRepository runs,
      RunScopeRepository runScopes,
      WindowRepository windows,
      FreezeRepository freezes) {
    this.runs = runs;
    this.runScopes = runScopes;
    this.windows = windows;
    this.freezes = freezes;
  }

  @Override
  public GateRules rules(GateQuery q) {
    List<Scope> scopes = new ArrayList<>(q.scopes());
    runs.find(q.runId())
        .map(r -> Scope.operation(r.operation()))
        .filter(s -> !scopes.contains(s))
        .ifPresent(scopes::add);
    List<String> texts = WindowSpecs.texts(scopes);
    runs.find(q.runId()).ifPresent(r -> runScopes.record(r.id(), texts));
    return new GateRules(
        scopes,
        windows.covering(texts).stream().map(WindowSpecs::of).toList(),
        freezes.current().stream().map(WindowSpecs::of).filter(f -> f.covers(scopes)).toList());
  }
}
