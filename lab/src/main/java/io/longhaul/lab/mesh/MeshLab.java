package io.longhaul.lab.mesh;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab's service mesh: per IDC a primary and remote Kubernetes APIs with the mesh's controllers
 * ({@link MeshIdc}), and one real Prometheus scraping every IDC each second when Debian's {@code
 * prometheus} is installed ({@link #prometheus()} is null otherwise).
 */
public final class MeshLab implements AutoCloseable {
  public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);
  private final Map<String, MeshIdc> idcs = new LinkedHashMap<>();
  private final PrometheusServer prometheus;

  private MeshLab(List<IdcSpec> specs, Path stateDir) {
    List<MeshIdc> started = new ArrayList<>();
    try {
      for (IdcSpec s : specs) {
        MeshIdc idc = new MeshIdc(s);
        started.add(idc);
        idcs.put(s.name(), idc);
      }
      prometheus =
          PrometheusServer.available()
              ? PrometheusServer.start(started, stateDir.resolve("prometheus"), SCRAPE_INTERVAL)
              : null;
    } catch (RuntimeException e) {
      started.forEach(MeshIdc::close);
      throw e;
    }
  }

  public static MeshLab start(List<IdcSpec> idcs, Path stateDir) {
    return new MeshLab(idcs, stateDir);
  }

  public MeshIdc idc(String name) {
    MeshIdc idc = idcs.get(name);
    if (idc == null) {
      throw new IllegalArgumentException("no IDC named " + name);
    }
    return idc;
  }

  public List<MeshIdc> idcs() {
    return List.copyOf(idcs.values());
  }

  /** The real Prometheus's HTTP API root, or null when it is not installed. */
  public URI prometheus() {
    return prometheus == null ? null : prometheus.uri();
  }

  @Override
  public void close() {
    if (prometheus != null) {
      prometheus.close();
    }
    idcs.values().forEach(MeshIdc::close);
  }
}
