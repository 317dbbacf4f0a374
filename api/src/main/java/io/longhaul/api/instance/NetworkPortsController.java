package io.longhaul.api.instance;

import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.db.NotFoundException;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.ipam.NetworkUsage;
import io.longhaul.db.ipam.Port;
import io.longhaul.db.ipam.PortRepository;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A network's ports: how many addresses are used and free, and every port with its binding. */
@RestController
@RequestMapping("/api/v1/networks/{id}/ports")
public class NetworkPortsController {
  private final NetworkRepository networks;
  private final PortRepository ports;

  public NetworkPortsController(NetworkRepository networks, PortRepository ports) {
    this.networks = networks;
    this.ports = ports;
  }

  /** The view: usage counts and the ports, lowest address first. */
  public record NetworkPorts(long networkId, long used, long free, List<Port> ports) {}

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public NetworkPorts list(@PathVariable long id) {
    if (networks.find(id).isEmpty()) {
      throw new NotFoundException("network", id);
    }
    NetworkUsage usage = ports.usage(id);
    return new NetworkPorts(id, usage.used(), usage.free(), ports.listByNetwork(id));
  }
}
