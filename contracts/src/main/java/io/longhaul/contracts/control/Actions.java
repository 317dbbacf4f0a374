package io.longhaul.contracts.control;

import java.util.Set;

/** The decisions an operator can take, and which pending kind each answers. */
public final class Actions {
  public static final String RETRY = "retry";
  public static final String SKIP = "skip";
  public static final String ABORT = "abort";
  public static final String APPROVE = "approve";
  public static final String REJECT = "reject";

  /** Pending kinds. */
  public static final String FAILURE = "failure";

  public static final String APPROVAL = "approval";
  public static final String COMPENSATION = "compensation";

  private Actions() {}

  /** What an operator may answer to a pending decision of this kind. */
  public static Set<String> allowed(String kind, boolean skippable) {
    return switch (kind) {
      case FAILURE -> skippable ? Set.of(RETRY, SKIP, ABORT) : Set.of(RETRY, ABORT);
      case APPROVAL -> Set.of(APPROVE, REJECT);
      // A compensation that failed can be retried or, when the operator has undone it by hand,
      // skipped; aborting an abort has no meaning.
      case COMPENSATION -> Set.of(RETRY, SKIP);
      default -> Set.of();
    };
  }
}
