package io.longhaul.workflows.common;

import io.longhaul.contracts.control.LeaseActivities;
import io.longhaul.contracts.control.LeaseGrant;
import io.longhaul.contracts.control.LeaseRelease;
import io.longhaul.contracts.control.LeaseRequest;
import io.longhaul.contracts.control.RunContext;
import io.longhaul.contracts.control.RunControlActivities;
import io.longhaul.contracts.control.RunMirror;
import io.longhaul.contracts.control.StepCompletion;
import io.longhaul.contracts.control.StepWithdrawal;
import io.longhaul.contracts.run.ChildRunActivities;
import io.longhaul.contracts.run.RunOutcome;
import io.longhaul.contracts.run.RunRecorderActivities;
import io.longhaul.contracts.run.StepEvent;
import io.longhaul.contracts.window.FreezeSpec;
import io.longhaul.contracts.window.GateQuery;
import io.longhaul.contracts.window.GateRules;
import io.longhaul.contracts.window.Scope;
import io.longhaul.contracts.window.WindowActivities;
import io.longhaul.contracts.window.WindowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The journal's bookkeeping, the gate's rules and bulk runs' child records, in memory; public so an
 * operation's workflow test registers these instead of writing its own.
 */
public final class JournalFakes
    implements RunRecorderActivities,
        RunControlActivities,
        LeaseActivities,
        WindowActivities,
        ChildRunActivities {
  final List<ChildRun> children = new CopyOnWriteArrayList<>();
  final List<StepWithdrawal> withdrawn = new CopyOnWriteArrayList<>();
  public final List<StepEvent> events = new CopyOnWriteArrayList<>();
  public final List<RunOutcome> outcomes = new CopyOnWriteArrayList<>();
  public final List<RunMirror> mirrors = new CopyOnWriteArrayList<>();
  final List<WindowSpec> windows = new CopyOnWriteArrayList<>();
  final List<FreezeSpec> freezes = new CopyOnWriteArrayList<>();
  final AtomicInteger reads = new AtomicInteger();
  final AtomicInteger begins = new AtomicInteger();

  @Override
  public GateRules rules(GateQuery query) {
    reads.incrementAndGet();
    List<Scope> scopes = new ArrayList<>(query.scopes());
    return new GateRules(
        scopes,
        windows.stream().filter(w -> scopes.stream().anyMatch(w::covers)).toList(),
        freezes.stream().filter(f -> f.covers(scopes)).toList());
  }

  /** Every event as {@code "<step> <kind>"}, in order. */
  public List<String> kinds() {
    return events.stream().map(e -> e.step() + " " + e.kind()).toList();
  }

  @Override
  public RunContext begin(String runId) {
    begins.incrementAndGet();
    return new RunContext(runId, Map.of());
  }

  @Override
  public void withdrawStep(StepWithdrawal withdrawal) {
    withdrawn.add(withdrawal);
    events.add(withdrawal.compensated());
  }

  @Override
  public void completeStep(StepCompletion completion) {
    events.add(completion.event());
  }

  @Override
  public void mirror(RunMirror mirror) {
    mirrors.add(mirror);
  }

  @Override
  public LeaseGrant acquire(LeaseRequest request) {
    return new LeaseGrant(true, List.of());
  }

  @Override
  public List<String> release(LeaseRelease release) {
    return List.of();
  }

  @Override
  public void recordEvent(StepEvent event) {
    events.add(event);
  }

  @Override
  public void recordOutcome(RunOutcome outcome) {
    outcomes.add(outcome);
  }

  @Override
  public void register(ChildRuns request) {
    children.addAll(request.children());
  }
}
