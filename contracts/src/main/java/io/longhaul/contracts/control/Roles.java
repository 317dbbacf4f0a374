package io.longhaul.contracts.control;

import io.longhaul.contracts.vocabulary.OperatorAction;
import java.util.List;

/**
 * The user roles in increasing power, each covering everything the roles before it may do. The API
 * authorises requests with them and the workflow checks a signed decision's role with them.
 */
public final class Roles {
  public static final String VIEWER = "viewer";
  public static final String OPERATOR = "operator";
  public static final String APPROVER = "approver";
  public static final String ADMIN = "admin";

  public static final List<String> IN_ORDER = List.of(VIEWER, OPERATOR, APPROVER, ADMIN);

  private Roles() {}

  /** Whether {@code held} may do what {@code needed} may; an unknown role covers nothing. */
  public static boolean covers(String held, String needed) {
    int have = held == null ? -1 : IN_ORDER.indexOf(held);
    int need = IN_ORDER.indexOf(needed);
    return have >= 0 && need >= 0 && have >= need;
  }

  /** The role a decision of this action needs on a pending decision asking for {@code asked}. */
  public static String neededFor(String action, String asked) {
    if (!OperatorAction.APPROVE.is(action) && !OperatorAction.REJECT.is(action)) {
      return OPERATOR;
    }
    return asked != null && covers(asked, APPROVER) ? asked : APPROVER;
  }
}
