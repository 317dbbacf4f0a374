package io.longhaul.server.lab;

import io.longhaul.lab.Lab;
import io.longhaul.lab.LabOptions;
import io.longhaul.lab.topology.Topology;
import io.longhaul.lab.topology.TopologyLoader;
import io.longhaul.server.config.LonghaulProperties;
import java.nio.file.Path;
import java.time.Duration;

/** A started lab and how long it took to start. */
public record LabRuntime(Lab lab, Duration startedIn) implements AutoCloseable {

  public static LabRuntime start(LonghaulProperties.Lab props) {
    Topology topology =
        "demo".equals(props.topology())
            ? Topology.demo()
            : TopologyLoader.fromYaml(Path.of(props.topology()));
    LabOptions options = LabOptions.defaults().withAdminPort(props.adminPort());
    if (props.stateDir() != null) {
      // The state dir keeps the host-key seed, so known_hosts stays valid across restarts.
      options = options.withStateDir(props.stateDir());
    }
    if (props.seed() != null && !props.seed().isBlank()) {
      options = options.withSeed(props.seed());
    }
    long t0 = System.nanoTime();
    Lab lab = Lab.start(topology, options);
    return new LabRuntime(lab, Duration.ofNanos(System.nanoTime() - t0));
  }

  public int deviceCount() {
    return lab.devices().size();
  }

  @Override
  public void close() {
    lab.close();
  }
}
