package io.longhaul.server.lab;

import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.credential.CredentialScopes;
import io.longhaul.db.instance.InstanceRepository;
import io.longhaul.db.inventory.ClusterRepository;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.inventory.SwitchRepository;
import io.longhaul.server.config.LonghaulProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Starts the lab when {@code longhaul.lab.enabled} (the default run) and loads it into the
 * inventory. Beans that need the lab's devices or host keys (drivers, worker runtime) ask for
 * {@link LabInventory} so they are created after the load.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "longhaul.lab.enabled", havingValue = "true", matchIfMissing = true)
public class LabConfig {
  private static final Logger log = LoggerFactory.getLogger(LabConfig.class);

  @Bean(destroyMethod = "close")
  LabRuntime labRuntime(LonghaulProperties props) {
    return LabRuntime.start(props.lab());
  }

  @Bean
  LabInventory labInventory(
      LabRuntime runtime,
      LonghaulProperties props,
      SiteRepository sites,
      SwitchRepository switches,
      HypervisorRepository hypervisors,
      NetworkRepository networks,
      ClusterRepository clusters,
      CredentialRepository credentials,
      CredentialScopes scopes,
      InstanceRepository instances,
      PlatformTransactionManager transactions) {
    new LabInventoryLoader(
            sites, switches, hypervisors, networks, clusters, credentials, scopes, transactions)
        .load(runtime.lab());
    KnownHosts.replaceLabEntries(props.ssh().knownHosts(), runtime.lab().knownHostsText());
    List<String> restored = runtime.lab().restoredState();
    long refused = restored.stream().filter(l -> l.contains("not restored")).count();
    if (!restored.isEmpty()) {
      log.info(
          "lab: {} devices restored from {}",
          restored.size() - refused,
          runtime.lab().stateDir().resolve("devices"));
    }
    restored.stream().filter(l -> l.contains("not restored")).forEach(l -> log.warn("lab: {}", l));
    List<String> drift = LabDrift.of(runtime.lab(), instances, sites, hypervisors);
    if (!drift.isEmpty()) {
      // The lab keeps its devices' state in its state dir; a lab started from another (or a
      // fresh) state dir, or a database that moved on without it, disagrees with the inventory.
      // Say so; nothing is repaired behind the operator's back.
      log.warn(
          "lab and inventory disagree ({} instances or domains): {}",
          drift.size(),
          String.join("; ", drift));
    }
    log.info(
        "lab: {} devices started in {} ms, loaded into the inventory; admin API {}",
        runtime.deviceCount(),
        runtime.startedIn().toMillis(),
        runtime.lab().adminUri());
    return new LabInventory(runtime);
  }
}
