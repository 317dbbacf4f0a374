package io.longhaul.lab.topology;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A whole simulated datacenter: one or more sites. */
public record Topology(List<SiteSpec> sites) {

  /** Classpath location of the demo topology. */
  public static final String DEMO_RESOURCE = "io/longhaul/lab/demo-topology.yaml";

  public Topology {
    sites = List.copyOf(sites);
  }

  /** The demo datacenter: sites sha (NX-OS, a mesh control plane) and sin (EOS), 45 devices. */
  public static Topology demo() {
    try (InputStream in = Topology.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEMO_RESOURCE);
      }
      return TopologyLoader.fromYaml(in, DEMO_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Optional<SiteSpec> site(String code) {
    return sites.stream().filter(s -> s.code().equals(code)).findFirst();
  }

  public Stream<SwitchSpec> switches() {
    return sites.stream().flatMap(s -> s.switches().stream());
  }

  public Stream<HypervisorSpec> hypervisors() {
    return sites.stream().flatMap(s -> s.hypervisors().stream());
  }

  public Stream<ClusterSpec> clusters() {
    return sites.stream().flatMap(s -> s.clusters().stream());
  }

  /** The site holding the named switch, hypervisor or cluster. */
  public Optional<SiteSpec> siteOf(String deviceName) {
    return sites.stream()
        .filter(
            s ->
                s.switches().stream().anyMatch(w -> w.name().equals(deviceName))
                    || s.hypervisors().stream().anyMatch(h -> h.name().equals(deviceName))
                    || s.clusters().stream().anyMatch(c -> c.name().equals(deviceName)))
        .findFirst();
  }
}
