package io.longhaul.workflows.hdfsmigration;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.control.DecisionRefused;
import io.longhaul.contracts.control.JournalCarry;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.hdfsmigration.CapChange;
import io.longhaul.contracts.hdfsmigration.HdfsActivities;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.Fsck;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.Load;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.MappingChange;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.ObserveRequest;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.PathPlan;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.Plan;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.PlanRequest;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.QuotaChange;
import io.longhaul.contracts.hdfsmigration.HdfsActivities.RouteProbe;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationInput;
import io.longhaul.contracts.hdfsmigration.HdfsMigrationWorkflow;
import io.longhaul.contracts.hdfsmigration.MigrationProgress;
import io.longhaul.contracts.hdfsmigration.MigrationReport;
import io.longhaul.contracts.hdfsmigration.SoakEnd;
import io.longhaul.contracts.window.Scope;
import io.longhaul.workflows.common.ActivityProfiles;
import io.longhaul.workflows.common.Approval;
import io.longhaul.workflows.common.ConditionWait;
import io.longhaul.workflows.common.ControlledWorkflow;
import io.longhaul.workflows.common.Step;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * health → plan → approval → copy (3:0 → 3:3, windowed, throttled) → fsck → flip users and queues →
 * route check → soak → drain (3:3 → 0:3) → fsck → quotas released. Holds {@code hdfs-bu:<bu>} and
 * one of the NameNode's slots. Each phase arms its undo before it changes anything, so an abort
 * rolls back newest first: the drain, then the mapping, then the copy. The replica phases continue
 * as new; the next execution gets the approved plan and resumes the phase its carry names.
 */
public class HdfsBuMigrationWorkflowImpl extends ControlledWorkflow
    implements HdfsMigrationWorkflow {
  private final HdfsActivities hdfs =
      Workflow.newActivityStub(
          HdfsActivities.class, ActivityProfiles.shortCall(TaskQueues.CLUSTERS));
  private final MigrationState state = new MigrationState();
  private HdfsMigrationInput input;
  private Plan plan;

  @Override
  public MigrationReport migrate(HdfsMigrationInput in) {
    input = in;
    journal.resume(in.carry());
    Undos.register(journal, hdfs);
    state.cap = in.capBytesPerSec();
    return journal.run(
        () -> {
          plan = in.plan();
          if (plan == null) {
            journal.expect(10);
            journal.step(
                Step.of("health", in.cluster(), Load.class),
                () -> healthy(hdfs.load(in.cluster())));
            plan =
                journal.step(
                    Step.of("plan", in.bu(), Plan.class),
                    () -> hdfs.plan(new PlanRequest(in.cluster(), in.bu(), in.paths())));
            journal.step(
                Step.of("approve", in.bu(), String.class)
                    .approvedBy(Approval.byApprover(Plans.text(in, plan), null)),
                () -> "approved");
          }
          state.bytesTotal = plan.paths().stream().mapToLong(PathPlan::bytes).sum();
          state.blocksTotal = plan.paths().stream().mapToLong(PathPlan::blocks).sum();
          return journal.withLeases(
              LeasePolicy.WAIT,
              List.of("hdfs-bu:" + in.bu()),
              () -> new NameNodeSlots(journal, in).hold(this::phases));
        });
  }

  private static Load healthy(Load l) {
    if (!"active".equals(l.haState())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "the NameNode is " + l.haState() + ", not active", "ClusterUnhealthy");
    }
    return l;
  }

  private MigrationReport phases() {
    HdfsMigrationInput in = input;
    String resumed = in.carry() == null ? null : in.carry().phase();
    List<String> paths = plan.paths().stream().map(PathPlan::path).toList();
    Scope scope = in.windowScope() == null ? null : Scope.parse(in.windowScope());
    ReplicaPhase replicas = new ReplicaPhase(journal, hdfs, state, in.cluster());
    ObserveRequest all = new ObserveRequest(in.cluster(), paths);
    Map<String, String> copied = new LinkedHashMap<>();
    plan.paths().forEach(p -> copied.put(p.path(), p.shared() ? Plans.shared(in) : "B:3,C:3"));
    if (!"drain".equals(resumed)) {
      phase("copy");
      if (resumed == null) {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, Long> quotas = new LinkedHashMap<>();
        plan.paths()
            .forEach(
                p -> {
                  before.put(p.path(), p.policy());
                  quotas.put(p.path(), p.spaceQuota());
                });
        apply(
            Step.of("arm-rollback", "copy")
                .compensatedBy(
                    Undos.COPY,
                    new Rollback(in.cluster(), before, quotas, paths, in.fromDc(), state.cap)),
            () -> {});
        for (PathPlan p : plan.paths()) {
          apply(
              Step.of("quota", p.path()),
              () -> hdfs.setQuota(new QuotaChange(in.cluster(), p.path(), Plans.quota(p, 6))));
        }
      }
      replicas.run(
          "copy", targets(copied), in.toDc(), Plans.goal(plan, in, true), true, scope, this::next);
      phase("verify");
      state.fsck = fsck("fsck", all);
      phase("flip");
      apply(
          Step.of("flip", in.bu())
              .compensatedBy(
                  Undos.FLIP,
                  new MappingChange(in.cluster(), plan.users(), plan.queues(), in.fromDc())),
          () ->
              hdfs.assign(new MappingChange(in.cluster(), plan.users(), plan.queues(), in.toDc())));
      String user = plan.users().isEmpty() ? in.bu() : plan.users().getFirst();
      String queue = plan.queues().isEmpty() ? in.bu() : plan.queues().getFirst();
      ConditionWait.of("route", user, "new jobs land in DC " + in.toDc(), String.class)
          .polling(Duration.ofSeconds(5), Duration.ofMinutes(1))
          .deadline(Duration.ofHours(1))
          .await(
              journal,
              () -> hdfs.route(new RouteProbe(in.cluster(), user, queue, "longhaul-route-check")),
              in.toDc()::equals);
      phase("soak");
      journal.step(Step.of("soak", in.bu(), Long.class), () -> Soak.run(journal, hdfs, state, in));
      phase("drain");
      Map<String, Long> copyQuotas = new LinkedHashMap<>();
      plan.paths().forEach(p -> copyQuotas.put(p.path(), Plans.quota(p, 6)));
      apply(
          Step.of("arm-rollback", "drain")
              .compensatedBy(
                  Undos.DRAIN,
                  new Rollback(in.cluster(), copied, copyQuotas, paths, in.fromDc(), state.cap)),
          () -> {});
    }
    phase("drain");
    Map<String, String> drained = new LinkedHashMap<>();
    plan.paths().stream()
        .filter(p -> !p.shared())
        .forEach(p -> drained.put(p.path(), HdfsMigrationInput.only(in.toDc(), 3)));
    replicas.run(
        "drain",
        targets(drained),
        in.fromDc(),
        Plans.goal(plan, in, false),
        false,
        scope,
        this::next);
    state.fsck = fsck("fsck-final", all);
    for (PathPlan p : plan.paths()) {
      apply(
          Step.of("quota-release", p.path()),
          () ->
              hdfs.setQuota(
                  new QuotaChange(in.cluster(), p.path(), Plans.quota(p, p.shared() ? 4 : 3))));
    }
    phase("done");
    state.replicas = new TreeMap<>(state.fsck.replicas());
    state.show(journal);
    return new MigrationReport(
        in.bu(),
        in.toDc(),
        state.bytesTotal,
        state.blocksTotal,
        state.fsck.replicas(),
        state.fsck.misplacedBlocks(),
        state.pauses);
  }

  private static List<ReplicaPhase.Target> targets(Map<String, String> policies) {
    return policies.entrySet().stream()
        .map(e -> new ReplicaPhase.Target(e.getKey(), e.getValue()))
        .toList();
  }

  private Fsck fsck(String step, ObserveRequest paths) {
    return ConditionWait.of(step, input.bu(), "0 misplaced blocks", Fsck.class)
        .polling(Duration.ofSeconds(10), Duration.ofMinutes(10))
        .deadline(Duration.ofHours(12))
        .await(journal, () -> hdfs.fsck(paths), f -> f.misplacedBlocks() == 0);
  }

  private Object next(JournalCarry carry) {
    return input.continued(state.cap, plan, carry);
  }

  /** A step with no result. */
  private void apply(Step<Void> step, Functions.Proc body) {
    journal.step(
        step,
        () -> {
          body.apply();
          return null;
        });
  }

  private void phase(String name) {
    state.phase = name;
    journal.phase(name);
  }

  @Override
  public MigrationProgress migration() {
    return state.snapshot();
  }

  @Override
  public void validateCap(CapChange change) {
    if (change == null
        || change.bytesPerSec() < 1_000_000
        || change.bytesPerSec() > 25_000_000_000L) {
      throw DecisionRefused.invalid("bytesPerSec", "must be between 1000000 and 25000000000");
    }
  }

  @Override
  public long setCap(CapChange change) {
    state.cap = change.bytesPerSec();
    state.capChanged = true;
    journal.figure("cap.bytes-per-sec", state.cap);
    return state.cap;
  }

  @Override
  public void validateEndSoak(SoakEnd end) {
    if (end == null
        || end.by() == null
        || !end.by().matches("[A-Za-z0-9._@-]{1,64}")
        || end.reason() == null
        || !end.reason().matches("[^\"\\\\\\p{Cntrl}]{1,500}")) {
      throw DecisionRefused.invalid("reason", "ending the soak needs who and a one-line reason");
    }
    if (!"soak".equals(state.phase)) {
      throw DecisionRefused.conflict(
          "phase", "the run is not soaking, it is in phase " + state.phase);
    }
  }

  @Override
  public String endSoak(SoakEnd end) {
    state.soakEndedBy = end.by();
    state.soakEndReason = end.reason();
    return "soak ending";
  }
}
