package io.longhaul.contracts.vocabulary;

import static io.longhaul.contracts.vocabulary.OperatorAction.ABORT;
import static io.longhaul.contracts.vocabulary.OperatorAction.APPROVE;
import static io.longhaul.contracts.vocabulary.OperatorAction.REJECT;
import static io.longhaul.contracts.vocabulary.OperatorAction.RETRY;
import static io.longhaul.contracts.vocabulary.OperatorAction.SKIP;

import java.util.EnumSet;
import java.util.Set;

/** What a pending decision waits for ({@code PendingDecision.kind}), and who may answer how. */
public enum DecisionKind implements Term {
  /** A step failed after its retries. */
  FAILURE("failure"),
  /** A step waits for an approver before it applies anything. */
  APPROVAL("approval"),
  /** An undo failed while the run was compensating. */
  COMPENSATION("compensation");

  private final String value;

  DecisionKind(String value) {
    this.value = value;
  }

  @Override
  public String value() {
    return value;
  }

  /** What an operator may answer to a pending decision of this kind. */
  public Set<OperatorAction> allowed(boolean skippable) {
    return switch (this) {
      case FAILURE -> skippable ? EnumSet.of(RETRY, SKIP, ABORT) : EnumSet.of(RETRY, ABORT);
      case APPROVAL -> EnumSet.of(APPROVE, REJECT);
      // A compensation that failed can be retried or, when the operator has undone it by hand,
      // skipped; aborting an abort has no meaning.
      case COMPENSATION -> EnumSet.of(RETRY, SKIP);
    };
  }

  /** Whether {@code action} (spelled) answers a pending decision of this kind. */
  public boolean allows(String action, boolean skippable) {
    return allowed(skippable).stream().anyMatch(a -> a.is(action));
  }

  public static DecisionKind of(String value) {
    return Term.parse(DecisionKind.class, value);
  }
}
