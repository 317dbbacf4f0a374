package io.longhaul.server.bootstrap;

import io.longhaul.contracts.control.DecisionKey;
import io.longhaul.db.audit.AuditAnchor;
import io.longhaul.db.audit.AuditKey;
import io.longhaul.db.audit.AuditLogRepository;
import io.longhaul.server.config.LonghaulProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The keys that make decisions and the audit log trustworthy without trusting Temporal's clients or
 * PostgreSQL: each from configuration, or generated into an owner-only file on a first local start
 * ({@link KeyFiles}).
 */
@Configuration(proxyBeanMethods = false)
public class IntegrityKeysConfig {

  @Bean
  DecisionKey decisionKey(LonghaulProperties props) {
    var d = props.decisions();
    return new DecisionKey(KeyFiles.configuredOrFile(d.key(), d.keyFile(), "decision key"));
  }

  @Bean
  AuditKey auditKey(LonghaulProperties props) {
    var a = props.audit();
    return new AuditKey(KeyFiles.configuredOrFile(a.key(), a.keyFile(), "audit key"));
  }

  /** One checkpoint file per database, so instances on one host never read each other's. */
  @Bean
  AuditAnchor auditAnchor(AuditLogRepository chain, AuditKey key, LonghaulProperties props) {
    return new AuditAnchor(
        chain,
        key,
        props.audit().checkpointDir().resolve(chain.databaseIdentity() + ".checkpoint"));
  }
}
