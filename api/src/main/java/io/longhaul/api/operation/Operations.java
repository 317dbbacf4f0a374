package io.longhaul.api.operation;

import io.longhaul.contracts.cluster.ClusterProbe;
import io.longhaul.contracts.discovery.TopologyDiscovery;
import io.longhaul.contracts.operation.OperationDefinition;
import io.longhaul.contracts.spawn.InstanceSpawn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operations Longhaul ships; each definition lives in contracts beside its workflow. */
@Configuration(proxyBeanMethods = false)
public class Operations {

  @Bean
  OperationDefinition topologyDiscovery() {
    return TopologyDiscovery.OPERATION;
  }

  @Bean
  OperationDefinition clusterProbe() {
    return ClusterProbe.OPERATION;
  }

  @Bean
  OperationDefinition instanceSpawn() {
    return InstanceSpawn.SPAWN;
  }

  @Bean
  OperationDefinition instanceDelete() {
    return InstanceSpawn.DELETE;
  }

  @Bean
  OperationDefinition instanceSpawnBulk() {
    return InstanceSpawn.BULK;
  }
}
