package io.longhaul.workflows.common;

import io.longhaul.contracts.control.LeaseNames;
import io.longhaul.contracts.control.LeasePolicy;
import io.longhaul.contracts.window.Scope;
import io.temporal.workflow.Functions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How the journal runs one step. Its idempotency key is (the run's change id, name, target).
 *
 * <ul>
 *   <li>{@code resultType}: with it (or for a step without result) a re-run reuses the recorded
 *       result instead of applying the step again; without it the step runs again, so it must be
 *       idempotent by its key anyway.
 *   <li>{@code skippable}: an operator may skip the step when it fails; it then returns null.
 *   <li>{@code compensation}: registered before the step runs (saga), run when the run is aborted,
 *       cancelled or fails; idempotent, since the step may not have applied anything. A closure, or
 *       a named undo with an argument, which survives continue-as-new.
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
  private final Options options;

  /**
   * Everything a builder method may change. A builder copies it, changes the copy and wraps it in a
   * new step, so a step never changes once made.
   */
  private static final class Options {
    boolean skippable;
    Functions.Proc compensation;
    String undo;
    Object undoArg;
    Approval approval;
    List<String> leases = List.of();
    LeasePolicy leasePolicy = LeasePolicy.WAIT;
    Duration giveUpAfter;
    List<Scope> scopes = List.of();
    Duration expected = Duration.ZERO;
    boolean inTask;

    Options copy() {
      Options o = new Options();
      o.skippable = skippable;
      o.compensation = compensation;
      o.undo = undo;
      o.undoArg = undoArg;
      o.approval = approval;
      o.leases = leases;
      o.leasePolicy = leasePolicy;
      o.giveUpAfter = giveUpAfter;
      o.scopes = scopes;
      o.expected = expected;
      o.inTask = inTask;
      return o;
    }
  }

  private Step(String name, String target, Class<R> resultType, Options options) {
    this.name = Objects.requireNonNull(name, "name");
    this.target = target;
    this.resultType = resultType;
    this.options = options;
  }

  /** A step whose result a re-run can reuse. */
  public static <R> Step<R> of(String name, String target, Class<R> resultType) {
    return new Step<>(name, target, resultType, new Options());
  }

  /** A step without a result. */
  public static Step<Void> of(String name, String target) {
    return of(name, target, Void.class);
  }

  /**
   * A step a re-run applies again instead of reusing its recorded result: its body is idempotent by
   * its key, e.g. a side effect whose compensation may have undone it since it was recorded.
   */
  public static <R> Step<R> untyped(String name, String target) {
    return of(name, target, null);
  }

  /**
   * A step whose body finishes inside the workflow's task (local activities only, e.g. a database
   * step): its {@code started} event is written with its outcome, one local activity instead of
   * two. A re-run applies it again, as for {@link #untyped}.
   */
  public static <R> Step<R> inTask(String name, String target) {
    return Step.<R>untyped(name, target).with(o -> o.inTask = true);
  }

  public Step<R> skippable() {
    return with(o -> o.skippable = true);
  }

  public Step<R> compensatedBy(Functions.Proc undo) {
    return with(o -> o.compensation = undo);
  }

  /**
   * A compensation by name: the workflow registers the undo's body with {@code journal.undo(name,
   * …)}; the argument is kept as JSON, so the debt survives continue-as-new.
   */
  public Step<R> compensatedBy(String undo, Object arg) {
    Objects.requireNonNull(undo, "undo");
    return with(
        o -> {
          o.undo = undo;
          o.undoArg = arg;
        });
  }

  public Step<R> approvedBy(Approval a) {
    return with(o -> o.approval = a);
  }

  public Step<R> leases(LeasePolicy policy, String... names) {
    List<String> leases = List.of(names);
    leases.forEach(LeaseNames::check);
    return with(
        o -> {
          o.leases = leases;
          o.leasePolicy = policy;
        });
  }

  /**
   * Marks the step disruptive: it waits for an open window of these scopes with at least {@code
   * expectedDuration} left (the run's operation is a scope too), and for any freeze to lift.
   */
  public Step<R> inWindow(Duration expectedDuration, Scope... stepScopes) {
    if (stepScopes.length == 0) {
      throw new IllegalArgumentException("a disruptive step declares at least one scope");
    }
    List<Scope> scopes = List.of(stepScopes);
    return with(
        o -> {
          o.scopes = scopes;
          o.expected = expectedDuration;
        });
  }

  public Step<R> giveUpAfter(Duration wait) {
    return with(o -> o.giveUpAfter = wait);
  }

  private Step<R> with(Consumer<Options> change) {
    Options changed = options.copy();
    change.accept(changed);
    return new Step<>(name, target, resultType, changed);
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
    return options.skippable;
  }

  Functions.Proc compensation() {
    return options.compensation;
  }

  String undo() {
    return options.undo;
  }

  Object undoArg() {
    return options.undoArg;
  }

  Approval approval() {
    return options.approval;
  }

  List<String> leaseNames() {
    return options.leases;
  }

  LeasePolicy leasePolicy() {
    return options.leasePolicy;
  }

  List<Scope> scopes() {
    return options.scopes;
  }

  Duration expected() {
    return options.expected;
  }

  boolean isInTask() {
    return options.inTask;
  }

  Duration giveUpAfterOr(Duration fallback) {
    return options.giveUpAfter != null ? options.giveUpAfter : fallback;
  }
}
