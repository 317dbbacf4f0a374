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
 * ({@link MeshIdc}) and, when Debian's {@code prometheus} is installed, the IDC's own real
 * Prometheus scraping it every second ({@link #prometheus(String)} is null otherwise).
 */
public final class MeshLab implements AutoCloseable {
  public static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(1);
  private final Map<String, MeshIdc> idcs = new LinkedHashMap<>();
  private final Map<String, PrometheusServer> prometheus = new LinkedHashMap<>();

  private MeshLab(List<IdcSpec> specs, Path stateDir) {
    List<MeshIdc> started = new ArrayList<>();
    try {
      for (IdcSpec s : specs) {
        MeshIdc idc = new MeshIdc(s);
        started.add(idc);
        idcs.put(s.name(), idc);
      }
      if (PrometheusServer.available()) {
        for (MeshIdc idc : started) {
          prometheus.put(
              idc.name(),
              PrometheusServer.start(
                  List.of(idc), stateDir.resolve("prometheus-" + idc.name()), SCRAPE_INTERVAL));
        }
      }
    } catch (RuntimeException e) {
      prometheus.values().forEach(PrometheusServer::close);
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

  /** The IDC's real Prometheus's HTTP API root, or null when it is not installed. */
  public URI prometheus(String idc) {
    PrometheusServer p = prometheus.get(idc);
    return p == null ? null : p.uri();
  }

  @Override
  public void close() {
    prometheus.values().forEach(PrometheusServer::close);
    idcs.values().forEach(MeshIdc::close);
  }
}
