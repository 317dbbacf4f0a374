package io.longhaul.contracts.vocabulary;

/** What an operator answers to a pending decision ({@code Decision.action}). */
public enum OperatorAction implements Term {
  RETRY("retry", "retried"),
  SKIP("skip", "skipped"),
  ABORT("abort", "aborted"),
  APPROVE("approve", "approved"),
  REJECT("reject", "rejected");

  private final String value;
  private final String past;

  OperatorAction(String value, String past) {
    this.value = value;
    this.past = past;
  }

  @Override
  public String value() {
    return value;
  }

  /** The past participle, for messages: "step x cannot be skipped". */
  public String past() {
    return past;
  }

  public static OperatorAction of(String value) {
    return Term.parse(OperatorAction.class, value);
  }
}
