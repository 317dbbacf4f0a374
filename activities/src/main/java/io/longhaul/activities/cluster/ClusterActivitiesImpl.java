package io.longhaul.activities.cluster;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.Failures;
import io.longhaul.contracts.cluster.ClusterActivities;
import io.longhaul.contracts.cluster.ClusterRequest;
import io.longhaul.contracts.cluster.ClusterStatus;
import io.longhaul.db.inventory.Cluster;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.ClusterHealth;
import org.springframework.stereotype.Component;

/** Cluster calls through {@link DeviceAccess#cluster}: inventory, credential and trust in one. */
@Component
public class ClusterActivitiesImpl implements ClusterActivities {
  private final DeviceAccess devices;

  public ClusterActivitiesImpl(DeviceAccess devices) {
    this.devices = devices;
  }

  @Override
  public ClusterStatus probe(ClusterRequest request) {
    Cluster cluster = devices.clusterNamed(request.cluster());
    try {
      ClusterHealth health = devices.cluster(cluster).probe();
      return new ClusterStatus(
          cluster.name(), cluster.kind(), health.version(), health.healthy(), health.detail());
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }
}
