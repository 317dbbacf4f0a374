package io.longhaul.server.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.RefusedDecisions;
import io.longhaul.contracts.vocabulary.OperatorAction;
import io.longhaul.db.audit.AuditLogRepository;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits a decision the workflows refused because the API did not sign it: someone reached Temporal
 * directly. The refusal happens in the update validator, so nothing reaches the run's history and
 * the run is untouched; this entry is the only trace, written off the workflow thread. The actor is
 * what the forger claimed, marked as such.
 */
final class AuditedRefusals implements RefusedDecisions {
  private static final Logger log = LoggerFactory.getLogger(AuditedRefusals.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AuditLogRepository audit;

  AuditedRefusals(AuditLogRepository audit) {
    this.audit = audit;
  }

  @Override
  public void refused(String runId, Decision d, String why) {
    Thread.ofVirtual()
        .name("audit-refused-decision")
        .start(
            () -> {
              Map<String, Object> detail = new LinkedHashMap<>();
              detail.put("refused", why);
              detail.put("via", "temporal");
              detail.put("step", clip(d.step()));
              if (d.target() != null) detail.put("target", clip(d.target()));
              detail.put("claimedActor", clip(d.actor()));
              detail.put("claimedRole", clip(d.role()));
              detail.put("reason", clip(d.reason()));
              try {
                audit.append(
                    "unverified:" + clip(d.actor()),
                    "run." + action(d) + ".refused",
                    "run:" + runId,
                    JSON.writeValueAsString(detail));
              } catch (JsonProcessingException | RuntimeException e) {
                log.warn("could not audit a forged decision on run {}: {}", runId, e.getMessage());
              }
            });
    log.warn("refused an unsigned or forged decision on run {}: {}", runId, why);
  }

  /** A forger's text, bounded: it is not validated like a request's. */
  private static String clip(String text) {
    String t = String.valueOf(text);
    return t.length() <= 200 ? t : t.substring(0, 200) + "…";
  }

  /** The action as the audit names it; a forger's free text never becomes an action name. */
  private static String action(Decision d) {
    OperatorAction action;
    try {
      action = OperatorAction.of(String.valueOf(d.action()));
    } catch (IllegalArgumentException e) {
      return "decide";
    }
    return switch (action) {
      case RETRY -> "retry-step";
      case SKIP -> "skip-step";
      case ABORT, APPROVE, REJECT -> action.value();
    };
  }
}
