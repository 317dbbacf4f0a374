package io.longhaul.activities.spawn;

import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.ipam.PortRepository;
import io.longhaul.drivers.capability.BootDisk;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a spawned guest boots from: an overlay over the golden image {@code
 * longhaul.spawn.base-volume} of the hosts' storage pool {@code longhaul.spawn.pool}, and a seed
 * naming the instance and giving it the address IPAM allocated for its port (with the network's
 * prefix and gateway), so the guest comes up as the inventory says it is.
 */
@Component
public class BootDisks {
  private final PortRepository ports;
  private final NetworkRepository networks;
  private final String pool;
  private final String baseVolume;

  public BootDisks(
      PortRepository ports,
      NetworkRepository networks,
      @Value("${longhaul.spawn.pool:longhaul}") String pool,
      @Value("${longhaul.spawn.base-volume:longhaul-base.qcow2}") String baseVolume) {
    this.ports = ports;
    this.networks = networks;
    this.pool = pool;
    this.baseVolume = baseVolume;
  }

  public String pool() {
    return pool;
  }

  /** The boot disk of instance {@code name} on port {@code portId}. */
  public BootDisk of(String name, String portId) {
    String address = null;
    String gateway = null;
    var port = portId == null ? null : ports.find(UUID.fromString(portId)).orElse(null);
    if (port != null) {
      var network = networks.find(port.networkId()).orElse(null);
      if (network != null) {
        address = port.address() + network.cidr().substring(network.cidr().indexOf('/'));
        gateway = network.gateway();
      }
    }
    return new BootDisk(pool, baseVolume, name, address, gateway);
  }
}
