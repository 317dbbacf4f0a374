package io.longhaul.server.config;

import io.longhaul.workflows.common.ProfileTuning;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
    @DefaultValue Credentials credentials,
    @DefaultValue Decisions decisions,
    @DefaultValue Audit audit,
    @DefaultValue Lab lab,
    @DefaultValue Ssh ssh,
    @DefaultValue Snmp snmp,
    @DefaultValue Http http) {

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
      @DefaultValue("200") int maxConcurrentLocalActivities,
      @DefaultValue("2000") int workflowCacheSize,
      Set<String> sites,
      Map<String, ProfileTuning> profiles,
      @DefaultValue(POOL_ALL) String pool) {
    /** Every queue: workflows, clusters, the api's, and the sites' (the default run). */
    public static final String POOL_ALL = "all";

    /** The workflows and every queue but the sites': the core pool beside PostgreSQL. */
    public static final String POOL_CORE = "core";

    /** Only the queues of {@code sites}: the pool that sits next to those sites' devices. */
    public static final String POOL_SITES = "sites";

    public Worker {
      profiles = profiles == null ? Map.of() : Map.copyOf(profiles);
      if (!Set.of(POOL_ALL, POOL_CORE, POOL_SITES).contains(pool)) {
        throw new IllegalArgumentException(
            "longhaul.worker.pool must be all, core or sites, not " + pool);
      }
      if (POOL_SITES.equals(pool) && (sites == null || sites.isEmpty())) {
        throw new IllegalArgumentException(
            "longhaul.worker.pool=sites needs longhaul.worker.sites (LONGHAUL_WORKER_SITES)");
      }
    }

    /**
     * Whether this worker serves the site's queue; no list means every site in the inventory, the
     * core pool none.
     */
    public boolean servesSite(String code) {
      if (POOL_CORE.equals(pool)) {
        return false;
      }
      return sites == null || sites.isEmpty() || sites.contains(code);
    }

    /** Whether this worker polls the queues that are no site's (workflows, clusters, api). */
    public boolean servesCore() {
      return !POOL_SITES.equals(pool);
    }
  }

  /**
   * The simulated datacenter of the default run. {@code topology} is {@code demo} or a YAML file;
   * {@code stateDir} keeps the host-key seed so host keys survive restarts; {@code seed} overrides
   * it; {@code adminPort} 0 picks a free port.
   */
  public record Lab(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("demo") String topology,
      Path stateDir,
      String seed,
      @DefaultValue("0") int adminPort) {}

  /** SSH to devices: host keys are always checked against {@code knownHosts}. */
  public record Ssh(Path knownHosts) {}

  /** SNMP requests: {@code timeout} per attempt, {@code retries} after a timeout. */
  public record Snmp(
      @DefaultValue("PT0.5S") Duration timeout,
      @DefaultValue("3") int retries,
      @DefaultValue("25") int maxRepetitions) {}

  /**
   * HTTP to cluster APIs: {@code connectTimeout} covers the TLS handshake, {@code responseTimeout}
   * runs from the request to the answer's last byte, a longer answer than {@code maxBodyBytes}
   * fails. Each cluster's trust comes from its inventory entry, never from here.
   */
  public record Http(
      @DefaultValue("PT5S") Duration connectTimeout,
      @DefaultValue("PT10S") Duration responseTimeout,
      @DefaultValue("16777216") long maxBodyBytes) {}

  /**
   * The AES-256 key sealing device credentials: base64 in {@code key}, or else read from (and on
   * first start written to) {@code keyFile}.
   */
  public record Credentials(String key, Path keyFile) {}

  /**
   * The HMAC key the API signs operators' decisions with and every worker checks them with: base64
   * in {@code key} (at least 32 bytes), or else read from (and on first start written to) {@code
   * keyFile}. API and worker processes must share it.
   */
  public record Decisions(String key, Path keyFile) {}

  /**
   * The audit chain's HMAC key ({@code key}, base64, or {@code keyFile} as for decisions), kept
   * away from PostgreSQL; the signed checkpoints of the chain's head go to {@code checkpointDir}
   * (one file per database) every {@code checkpointEvery}.
   */
  public record Audit(
      String key,
      Path keyFile,
      Path checkpointDir,
      @DefaultValue("PT1M") Duration checkpointEvery) {}
}
