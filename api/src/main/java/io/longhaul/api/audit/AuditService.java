package io.longhaul.api.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.api.security.CurrentUser;
import io.longhaul.db.audit.AuditEntry;
import io.longhaul.db.audit.AuditLogRepository;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/** Records who did what to which target, and why. Details never hold secrets. */
@Service
public class AuditService {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final AuditLogRepository log;

  public AuditService(AuditLogRepository log) {
    this.log = log;
  }

  public AuditEntry record(
      Authentication who, String action, String target, Map<String, ?> detail) {
    return record(CurrentUser.name(who), action, target, detail);
  }

  public AuditEntry record(String actor, String action, String target, Map<String, ?> detail) {
    try {
      return log.append(actor, action, target, JSON.writeValueAsString(detail));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit detail is not serialisable", e);
    }
  }
}
