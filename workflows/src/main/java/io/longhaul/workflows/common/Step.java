package io.longhaul.workflows.common;

import io.longhaul.contracts.control.LeaseNames;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.window.Scope;
import io.temporal.workflow.Functions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the journal runs one step. Its idempotency key is (the run's change id, name, target).
 *
 * <ul>
 *   <li>{@code resultType}: with it (or for a step without result) a re-run reuses the recorded
 *       result instead of applying the step again; without it the step runs again, so it must be
 *       idempotent by its key anyway.
 *   <li>{@code skippable}: an operator may skip the step when it fails; it then returns null.
 *   <li>{@code compensation}: registered before the step runs (saga), run when the run is aborted,
 *       cancelled or fails; idempotent, since the step may not have applied anything.
 *   <li>{@code approval}: the step waits for an approver before it runs.
 *   <li>{@code leases}: named targets held while the step runs (and until compensation, if any).
 *   <li>{@code giveUpAfter}: how long a failed step waits for an operator before the run fails.
 *   <li>{@code inTask}: the body never leaves the workflow's task, so {@code started} is written
 *       with the outcome.
 *   <li>{@code inWindow}: a disruptive step's scopes and expected duration; it starts only inside
 *       an open maintenance window of those scopes with room for it, and never during a freeze.
 * </ul>
 */
public final class Step<R> {
  private final String name;
  private final String target;
  private final Class<R> resultType;
  private final boolean skippable;
  private final Functions.Proc compensation;
  private final Approval approval;
  private final List<String> leases;
  private final LeasePolicy leasePolicy;
  private final Duration giveUpAfter;
  private final List<Scope> scopes;
  private final Duration expected;
  private final boolean inTask;

  private Step(
      String name,
      String target,
      Class<R> resultType,
      boolean skippable,
      Functions.Proc compensation,
      Approval approval,
      List<String> leases,
      LeasePolicy leasePolicy,
      Duration giveUpAfter,
      List<Scope> scopes,
      Duration expected,
      boolean inTask) {
    this.name = Objects.requireNonNull(name, "name");
    this.target = target;
    this.resultType = resultType;
    this.skippable = skippable;
    this.compensation = compensation;
    this.approval = approval;
    this.leases = List.copyOf(leases);
    this.leases.forEach(LeaseNames::check);
    this.leasePolicy = leasePolicy;
    this.giveUpAfter = giveUpAfter;
    this.scopes = List.copyOf(scopes);
    this.expected = expected;
    this.inTask = inTask;
  }

  /** A step whose result a re-run can reuse. */
  public static <R> Step<R> of(String name, String target, Class<R> resultType) {
    return new Step<>(
        name,
        target,
        resultType,
        false,
        null,
        null,
        List.of(),
        LeasePolicy.WAIT,
        null,
        List.of(),
        Duration.ZERO,
        false);
  }

  /** A step without a result. */
  public static Step<Void> of(String name, String target) {
    return of(name, target, Void.class);
  }

  /** A step whose result type is unknown: a re-run applies it again. */
  static <R> Step<R> untyped(String name, String target) {
    return of(name, target, null);
  }

  /**
   * A step whose body finishes inside the workflow's task (local activities only, e.g. a database
   * step): its {@code started} event is written with its outcome, one local activity instead of
   * two. A re-run applies it again, as for {@link #untyped}.
   */
  public static <R> Step<R> inTask(String name, String target) {
    Step<R> s = untyped(name, target);
    return new Step<>(
        s.name,
        s.target,
        s.resultType,
        s.skippable,
        s.compensation,
        s.approval,
        s.leases,
        s.leasePolicy,
        s.giveUpAfter,
        s.scopes,
        s.expected,
        true);
  }

  public Step<R> skippable() {
    return new Step<>(
        name,
        target,
        resultType,
        true,
        compensation,
        approval,
        leases,
        leasePolicy,
        giveUpAfter,
        scopes,
        expected,
        inTask);
  }

  public Step<R> compensatedBy(Functions.Proc undo) {
    return new Step<>(
        name,
        target,
        resultType,
        skippable,
        undo,
        approval,
        leases,
        leasePolicy,
        giveUpAfter,
        scopes,
        expected,
        inTask);
  }

  public Step<R> approvedBy(Approval a) {
    return new Step<>(
        name,
        target,
        resultType,
        skippable,
        compensation,
        a,
        leases,
        leasePolicy,
        giveUpAfter,
        scopes,
        expected,
        inTask);
  }

  public Step<R> leases(LeasePolicy policy, String... names) {
    return new Step<>(
        name,
        target,
        resultType,
        skippable,
        compensation,
        approval,
        List.of(names),
        policy,
        giveUpAfter,
        scopes,
        expected,
        inTask);
  }

  /**
   * Marks the step disruptive: it waits for an open window of these scopes with at least {@code
   * expectedDuration} left (the run's operation is a scope too), and for any freeze to lift.
   */
  public Step<R> inWindow(Duration expectedDuration, Scope... stepScopes) {
    if (stepScopes.length == 0) {
      throw new IllegalArgumentException("a disruptive step declares at least one scope");
    }
    return new Step<>(
        name,
        target,
        resultType,
        skippable,
        compensation,
        approval,
        leases,
        leasePolicy,
        giveUpAfter,
        List.of(stepScopes),
        expectedDuration,
        inTask);
  }

  public Step<R> giveUpAfter(Duration wait) {
    return new Step<>(
        name,
        target,
        resultType,
        skippable,
        compensation,
        approval,
        leases,
        leasePolicy,
        wait,
        scopes,
        expected,
        inTask);
  }

  public String name() {
    return name;
  }

  public String target() {
    return target;
  }

  Class<R> resultType() {
    return resultType;
  }

  boolean isSkippable() {
    return skippable;
  }

  Functions.Proc compensation() {
    return compensation;
  }

  Approval approval() {
    return approval;
  }

  List<String> leaseNames() {
    return leases;
  }

  LeasePolicy leasePolicy() {
    return leasePolicy;
  }

  List<Scope> scopes() {
    return scopes;
  }

  Duration expected() {
    return expected;
  }

  boolean isInTask() {
    return inTask;
  }

  Duration giveUpAfterOr(Duration fallback) {
    return giveUpAfter != null ? giveUpAfter : fallback;
  }
}
