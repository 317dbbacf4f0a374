package io.longhaul.workflows.meshcanary;

import io.longhaul.contracts.meshcanary.AnalysisReport;
import io.longhaul.contracts.meshcanary.AnalysisRequest;
import io.longhaul.contracts.meshcanary.CountRequest;
import io.longhaul.contracts.meshcanary.IdcRequest;
import io.longhaul.contracts.meshcanary.IdcState;
import io.longhaul.contracts.meshcanary.MeshActivities;
import io.longhaul.contracts.meshcanary.MeshCanary;
import io.longhaul.contracts.meshcanary.MeshCanaryInput;
import io.longhaul.contracts.meshcanary.NamespaceChange;
import io.longhaul.contracts.meshcanary.RevisionCounts;
import io.longhaul.contracts.meshcanary.RevisionRequest;
import io.longhaul.contracts.meshcanary.RevisionStatus;
import io.longhaul.contracts.meshcanary.TagRequest;
import io.longhaul.workflows.common.Approval;
import io.longhaul.workflows.common.ConditionWait;
import io.longhaul.workflows.common.RunJournal;
import io.longhaul.workflows.common.Step;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.List;

/**
 * One IDC's canary. The IDC's health gates its start (every cluster answers); install the canary
 * beside the stable revision and wait until it is ready <em>and</em> its push queue is drained,
 * then check its push convergence; per cohort relabel its new namespaces to the canary and restart
 * them (a compensated step each, at most {@code maxUnavailable} at once), wait until their pods run
 * the canary, and analyse them against a same-size stable baseline every interval of the bake; a
 * failed analysis throws {@link MeshCanary#CANARY_FAILED}, so the journal's compensations roll the
 * namespaces back (relabel to the tag, restart), wait for their pods on stable and scale the canary
 * down; a marginal one waits for an approver's judgement (rejecting it rolls back). Promotion moves
 * the tag, restarts the namespaces that follow it, waits until no pod runs the old revision, soaks,
 * and retires the old revision.
 */
final class IdcCanary {
  private static final Duration READY_WITHIN = Duration.ofMinutes(10);
  private static final Duration PODS_WITHIN = Duration.ofMinutes(10);

  private final RunJournal journal;
  private final MeshActivities mesh;
  private final CanaryBoard board;
  private final MeshCanaryInput in;
  private final String idc;

  IdcCanary(
      RunJournal journal, MeshActivities mesh, CanaryBoard board, MeshCanaryInput in, String idc) {
    this.journal = journal;
    this.mesh = mesh;
    this.board = board;
    this.in = in;
    this.idc = idc;
  }

  /**
   * Steps progress counts per IDC: check, install, ready, per cohort a wait and its analyses,
   * promotion.
   */
  static int plannedSteps(MeshCanaryInput in) {
    return in.idcs().size() * (2 + in.cohorts().size() * (1 + in.bakeIntervals()) + 3 + 2);
  }

  void run() {
    journal.phase(idc + ": checking");
    board.state(idc, "checking", null);
    IdcState state =
        ConditionWait.of("check-idc", idc, "every cluster of " + idc + " answers", IdcState.class)
            .polling(Duration.ofSeconds(2), Duration.ofSeconds(30))
            .deadline(Duration.ofMinutes(5))
            .await(journal, () -> mesh.describe(new IdcRequest(idc)), IdcState::healthy);
    List<String> namespaces =
        state.namespaces().stream()
            .filter(
                n ->
                    in.tag().equals(state.labels().get(n))
                        || in.stableRevision().equals(state.labels().get(n)))
            .toList();
    install();
    int moved = 0;
    for (int c = 0; c < in.cohorts().size(); c++) {
      int upto =
          Math.min(
              namespaces.size(),
              Math.max(
                  moved + 1, (int) Math.ceil(in.cohorts().get(c) * namespaces.size() / 100.0)));
      cohort(
          c + 1,
          namespaces.subList(0, moved),
          namespaces.subList(moved, upto),
          namespaces.subList(upto, namespaces.size()));
      moved = upto;
    }
    promote(namespaces.subList(moved, namespaces.size()), namespaces.subList(0, moved));
  }

  private RevisionRequest canaryRev() {
    return new RevisionRequest(idc, in.canaryRevision(), in.canaryVersion());
  }

  private boolean promoted() {
    return "promoted".equals(board.state(idc));
  }

  private void install() {
    journal.phase(idc + ": installing " + in.canaryRevision());
    board.state(idc, "installing", null);
    journal.step(
        Step.<Void>untyped("install-canary", idc)
            .compensatedBy(
                () -> {
                  if (!promoted()) {
                    mesh.scaleDownRevision(canaryRev());
                    board.rolledBack(idc);
                  }
                }),
        () -> {
          mesh.installRevision(canaryRev());
          return null;
        });
    RevisionStatus ready =
        ConditionWait.of(
                "canary-ready",
                idc,
                in.canaryRevision() + " ready and its push queue drained",
                RevisionStatus.class)
            .polling(Duration.ofSeconds(1), Duration.ofSeconds(5))
            .deadline(READY_WITHIN)
            .await(
                journal,
                () -> mesh.revisionStatus(canaryRev()),
                s -> s.ready() && s.queued() == 0 && s.convergenceP99Seconds() != null);
    if (ready.convergenceP99Seconds() > in.analysis().maxConvergenceSeconds()) {
      fail(
          "push convergence p99 of "
              + in.canaryRevision()
              + " is "
              + ready.convergenceP99Seconds()
              + " s, over "
              + in.analysis().maxConvergenceSeconds()
              + " s");
    }
  }

  private void cohort(int cohort, List<String> before, List<String> added, List<String> rest) {
    journal.phase(idc + ": cohort " + cohort + " (" + in.cohorts().get(cohort - 1) + " %)");
    board.state(idc, "cohort", null);
    board.cohort(idc, cohort);
    List<String> all = new java.util.ArrayList<>(before);
    all.addAll(added);
    // Registered before this cohort's relabels, so it runs after their undos: the rollback is done
    // only when the pods are back on stable.
    journal.step(
        Step.<Void>inTask("cohort", idc + " " + cohort)
            .compensatedBy(
                () -> {
                  if (!promoted()) {
                    awaitPods(
                        "pods-on-stable", idc + " cohort " + cohort, added, in.stableRevision());
                  }
                }),
        () -> null);
    journal.forEach(
        added,
        Math.max(1, in.maxUnavailable()),
        ns -> {
          move(ns);
          return null;
        });
    awaitPods("pods-on-canary", idc + " cohort " + cohort, all, in.canaryRevision());
    List<String> baseline = rest.subList(0, Math.min(rest.size(), all.size()));
    for (int k = 1; k <= in.bakeIntervals(); k++) {
      Workflow.sleep(Duration.ofSeconds(in.analysis().intervalSeconds()));
      int interval = k;
      AnalysisReport report =
          journal.step(
              Step.<AnalysisReport>untyped("analyse", idc + " cohort " + cohort + " #" + k),
              () ->
                  mesh.analyse(
                      new AnalysisRequest(
                          idc,
                          cohort,
                          interval,
                          all,
                          baseline,
                          in.canaryRevision(),
                          in.stableRevision(),
                          in.analysis())));
      board.analysis(idc, report);
      if (AnalysisReport.FAIL.equals(report.verdict())) {
        fail("cohort " + cohort + " interval " + k + ": " + report.reason());
      }
      if (AnalysisReport.MARGINAL.equals(report.verdict())) {
        if (!in.manualJudgement()) {
          fail(
              "cohort "
                  + cohort
                  + " interval "
                  + k
                  + " marginal (no manual judgement): "
                  + report.reason());
        }
        judge(cohort, k, report);
        return; // a person accepted the cohort: no more intervals of it
      }
    }
  }

  /** Relabels one namespace to the canary and restarts it; the undo puts it back on the tag. */
  private void move(String ns) {
    journal.step(
        Step.<Void>untyped("relabel", ns)
            .compensatedBy(
                () -> {
                  if (!promoted()) {
                    mesh.relabel(new NamespaceChange(idc, ns, in.tag(), null));
                    mesh.restart(
                        new NamespaceChange(
                            idc, ns, null, journal.idempotencyKey("undo:restart", ns)));
                  }
                }),
        () -> {
          mesh.relabel(new NamespaceChange(idc, ns, in.canaryRevision(), null));
          return null;
        });
    restart(ns, "restart");
  }

  private void restart(String ns, String step) {
    journal.step(
        step,
        ns,
        () -> mesh.restart(new NamespaceChange(idc, ns, null, journal.idempotencyKey(step, ns))));
  }

  private void judge(int cohort, int interval, AnalysisReport report) {
    board.state(idc, "judging", report.reason());
    String plan =
        "Analysis of "
            + idc
            + " cohort "
            + cohort
            + " interval "
            + interval
            + " is marginal (score "
            + Math.round(report.score())
            + "): "
            + report.reason()
            + ". Approve to accept the cohort and go on; reject to roll the canary back.";
    journal.step(
        Step.<Void>untyped("judge", idc + " cohort " + cohort)
            .approvedBy(Approval.byApprover(plan, null)),
        () -> null);
    board.state(idc, "cohort", "accepted by judgement: " + report.reason());
  }

  private void promote(List<String> followers, List<String> cohorts) {
    journal.phase(idc + ": promoting " + in.canaryRevision());
    board.state(idc, "promoting", null);
    // Registered before the tag moves, so it runs after the tag's undo: the followers restart
    // onto stable again.
    journal.step(
        Step.<Void>inTask("promote", idc)
            .compensatedBy(
                () -> {
                  if (!promoted()) {
                    followers.forEach(
                        ns ->
                            mesh.restart(
                                new NamespaceChange(
                                    idc, ns, null, journal.idempotencyKey("undo:promote", ns))));
                    awaitPods("pods-on-stable", idc + " followers", followers, in.stableRevision());
                  }
                }),
        () -> null);
    journal.step(
        Step.<Void>untyped("move-tag", idc + " " + in.tag())
            .compensatedBy(
                () -> {
                  if (!promoted()) {
                    mesh.moveTag(new TagRequest(idc, in.tag(), in.stableRevision()));
                  }
                }),
        () -> {
          mesh.moveTag(new TagRequest(idc, in.tag(), in.canaryRevision()));
          return null;
        });
    journal.forEach(
        followers,
        Math.max(1, in.maxUnavailable()),
        ns -> {
          restart(ns, "restart");
          return null;
        });
    // The cohorts' namespaces follow the tag again, which now names the canary: no restart needed.
    journal.forEach(
        cohorts,
        Math.max(1, in.maxUnavailable()),
        ns -> {
          journal.step(
              "follow-tag", ns, () -> mesh.relabel(new NamespaceChange(idc, ns, in.tag(), null)));
          return null;
        });
    RevisionCounts counts =
        ConditionWait.of(
                "pods-off-old", idc, "no pod on " + in.stableRevision(), RevisionCounts.class)
            .polling(Duration.ofSeconds(1), Duration.ofSeconds(10))
            .deadline(PODS_WITHIN)
            .await(
                journal,
                () -> mesh.counts(new CountRequest(idc, List.of())),
                c -> c.pods().getOrDefault(in.stableRevision(), 0) == 0);
    board.counts(idc, counts);
    board.state(idc, "soaking", null);
    Workflow.sleep(Duration.ofSeconds(in.soakSeconds()));
    journal.step(
        "retire-old",
        idc + " " + in.stableRevision(),
        () -> mesh.retireRevision(new RevisionRequest(idc, in.stableRevision(), null)));
    board.state(idc, "promoted", null);
  }

  private void awaitPods(String step, String target, List<String> namespaces, String revision) {
    if (namespaces.isEmpty()) {
      return;
    }
    RevisionCounts counts =
        ConditionWait.of(step, target, "every pod on " + revision, RevisionCounts.class)
            .polling(Duration.ofSeconds(1), Duration.ofSeconds(10))
            .deadline(PODS_WITHIN)
            .await(
                journal,
                () -> mesh.counts(new CountRequest(idc, namespaces)),
                c -> !c.pods().isEmpty() && c.pods().keySet().equals(java.util.Set.of(revision)));
    board.counts(idc, counts);
  }

  private void fail(String why) {
    board.state(idc, "rolling-back", why);
    throw ApplicationFailure.newNonRetryableFailure(
        "canary " + in.canaryRevision() + " of " + idc + " rolled back: " + why,
        MeshCanary.CANARY_FAILED);
  }
}
