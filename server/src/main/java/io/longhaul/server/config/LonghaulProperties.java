package io.longhaul.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Longhaul's settings under {@code longhaul.*}; each can come from the environment, e.g.
 * LONGHAUL_TEMPORAL_MODE=external.
 */
@ConfigurationProperties("longhaul")
public record LonghaulProperties(
    @DefaultValue({"api", "worker"}) Set<String> roles,
    @DefaultValue Temporal temporal,
    @DefaultValue Worker worker,
    @DefaultValue Credentials credentials) {

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /**
   * {@code embedded} starts Temporal's Java test server in this JVM, bound to {@code
   * embeddedHost:embeddedPort} (0 picks a free port); {@code external} connects to {@code target}.
   */
  public record Temporal(
      @DefaultValue("embedded") String mode,
      @DefaultValue("127.0.0.1:7233") String target,
      @DefaultValue("default") String namespace,
      @DefaultValue("127.0.0.1") String embeddedHost,
      @DefaultValue("7233") int embeddedPort,
      @DefaultValue Tls tls) {

    public boolean embedded() {
      return "embedded".equals(mode);
    }
  }

  /** mTLS to an external cluster: PEM files. */
  public record Tls(
      @DefaultValue("false") boolean enabled, Path certChain, Path privateKey, Path trustCert) {}

  public record Worker(
      @DefaultValue("PT5S") Duration stickyScheduleToStart,
      @DefaultValue("200") int maxConcurrentActivities,
      @DefaultValue("200") int maxConcurrentWorkflowTasks,
      @DefaultValue("200") int maxConcurrentLocalActivities) {}

  /**
   * The AES-256 key sealing device credentials: base64 in {@code key}, or else read from (and on
   * first start written to) {@code keyFile}.
   */
  public record Credentials(
      String key, @DefaultValue("${user.home}/.longhaul/credential.key") Path keyFile) {}
}
