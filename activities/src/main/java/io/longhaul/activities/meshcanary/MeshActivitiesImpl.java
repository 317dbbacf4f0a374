package io.longhaul.activities.meshcanary;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.Failures;
import io.longhaul.contracts.meshcanary.AnalysisReport;
import io.longhaul.contracts.meshcanary.AnalysisRequest;
import io.longhaul.contracts.meshcanary.CountRequest;
import io.longhaul.contracts.meshcanary.IdcRequest;
import io.longhaul.contracts.meshcanary.IdcState;
import io.longhaul.contracts.meshcanary.MeshActivities;
import io.longhaul.contracts.meshcanary.NamespaceChange;
import io.longhaul.contracts.meshcanary.RevisionCounts;
import io.longhaul.contracts.meshcanary.RevisionRequest;
import io.longhaul.contracts.meshcanary.RevisionStatus;
import io.longhaul.contracts.meshcanary.TagRequest;
import io.longhaul.db.inventory.Cluster;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.MeshKubernetes;
import io.longhaul.drivers.capability.MetricsQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The mesh canary's calls. An IDC is a site; its clusters are found in the inventory by kind and
 * label: the {@code k8s} cluster labelled {@code mesh-primary} runs istiod, those labelled {@code
 * mesh-remote} run the workloads, the {@code prometheus} cluster holds the metrics.
 */
@Component
public class MeshActivitiesImpl implements MeshActivities {
  static final String PRIMARY = "mesh-primary";
  static final String REMOTE = "mesh-remote";

  private final DeviceAccess devices;
  private final SiteRepository sites;

  public MeshActivitiesImpl(DeviceAccess devices, SiteRepository sites) {
    this.devices = devices;
    this.sites = sites;
  }

  private record Idc(Cluster primary, List<Cluster> remotes, Cluster prometheus) {}

  private Idc idc(String code) {
    long siteId =
        sites
            .findByCode(code)
            .orElseThrow(() -> Failures.notFound("IDC " + code + " is not a site"))
            .id();
    Cluster primary = null;
    Cluster prometheus = null;
    List<Cluster> remotes = new ArrayList<>();
    for (Cluster c : devices.clustersOfSite(siteId)) {
      if (c.kind().equals("k8s") && c.labels().contains(PRIMARY)) {
        primary = c;
      } else if (c.kind().equals("k8s") && c.labels().contains(REMOTE)) {
        remotes.add(c);
      } else if (c.kind().equals("prometheus")) {
        prometheus = c;
      }
    }
    if (primary == null || prometheus == null || remotes.isEmpty()) {
      throw Failures.notFound(
          "IDC "
              + code
              + " needs a k8s cluster labelled "
              + PRIMARY
              + ", one or more labelled "
              + REMOTE
              + " and a prometheus cluster in the inventory");
    }
    return new Idc(primary, remotes, prometheus);
  }

  private <T> T on(Cluster c, Function<MeshKubernetes, T> body) {
    try (MeshKubernetes k = devices.meshKubernetes(c)) {
      return body.apply(k);
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }

  private Cluster remote(Idc idc, String namespace) {
    String cluster = namespace.substring(0, Math.max(0, namespace.indexOf('/')));
    return idc.remotes().stream()
        .filter(c -> c.name().equals(cluster))
        .findFirst()
        .orElseThrow(
            () -> Failures.invalid(namespace + " is not <remote cluster>/<namespace> of the IDC"));
  }

  private static String ns(String namespace) {
    return namespace.substring(namespace.indexOf('/') + 1);
  }

  @Override
  public IdcState describe(IdcRequest request) {
    Idc idc = idc(request.idc());
    List<String> unreachable = new ArrayList<>();
    Map<String, String> labels = new TreeMap<>();
    try {
      on(idc.primary(), MeshKubernetes::tags);
    } catch (RuntimeException e) {
      unreachable.add(idc.primary().name());
    }
    for (Cluster r : idc.remotes()) {
      try {
        on(r, MeshKubernetes::meshedNamespaces)
            .forEach((n, v) -> labels.put(r.name() + "/" + n, v));
      } catch (RuntimeException e) {
        unreachable.add(r.name());
      }
    }
    return new IdcState(
        request.idc(),
        idc.primary().name(),
        idc.remotes().stream().map(Cluster::name).toList(),
        idc.prometheus().name(),
        unreachable,
        List.copyOf(labels.keySet()),
        labels);
  }

  @Override
  public void installRevision(RevisionRequest r) {
    on(
        idc(r.idc()).primary(),
        k -> {
          k.applyIstiod(r.revision(), r.version(), 1);
          return null;
        });
  }

  @Override
  public void scaleDownRevision(RevisionRequest r) {
    on(
        idc(r.idc()).primary(),
        k -> {
          if (k.istiodReady(r.revision()) >= 0) {
            k.applyIstiod(r.revision(), r.version(), 0);
          }
          return null;
        });
  }

  @Override
  public void retireRevision(RevisionRequest r) {
    on(
        idc(r.idc()).primary(),
        k -> {
          if (k.istiodReady(r.revision()) >= 0) {
            k.deleteIstiod(r.revision());
          }
          return null;
        });
  }

  @Override
  public RevisionStatus revisionStatus(RevisionRequest r) {
    Idc idc = idc(r.idc());
    int ready = on(idc.primary(), k -> k.istiodReady(r.revision()));
    MetricsQuery prom = devices.metrics(idc.prometheus());
    try {
      Instant now = Instant.now();
      Double queued = first(prom.instant(CanaryQueries.queue(r.idc(), r.revision()), now));
      Double p99 = first(prom.instant(CanaryQueries.convergence(r.idc(), r.revision(), 10), now));
      return new RevisionStatus(
          r.revision(), ready > 0, queued == null ? -1 : queued.longValue(), p99);
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }

  private static Double first(List<MetricsQuery.Series> series) {
    if (series.isEmpty()
        || series.get(0).values().length == 0
        || !Double.isFinite(series.get(0).values()[0])) {
      return null;
    }
    return series.get(0).values()[0];
  }

  @Override
  public void relabel(NamespaceChange c) {
    on(
        remote(idc(c.idc()), c.namespace()),
        k -> {
          k.labelNamespace(ns(c.namespace()), c.value());
          return null;
        });
  }

  @Override
  public void restart(NamespaceChange c) {
    on(
        remote(idc(c.idc()), c.namespace()),
        k -> {
          k.restartDeployments(ns(c.namespace()), c.key());
          return null;
        });
  }

  @Override
  public RevisionCounts counts(CountRequest request) {
    Idc idc = idc(request.idc());
    Map<String, Integer> pods = new TreeMap<>();
    Map<String, Integer> namespaces = new TreeMap<>();
    Map<String, String> tags = on(idc.primary(), MeshKubernetes::tags);
    for (Cluster r : idc.remotes()) {
      on(
          r,
          k -> {
            k.meshedNamespaces()
                .forEach(
                    (n, label) -> {
                      String full = r.name() + "/" + n;
                      if (request.namespaces().isEmpty() || request.namespaces().contains(full)) {
                        namespaces.merge(tags.getOrDefault(label, label), 1, Integer::sum);
                        k.podsByRevision(n)
                            .forEach((rev, count) -> pods.merge(rev, count, Integer::sum));
                      }
                    });
            return null;
          });
    }
    return new RevisionCounts(pods, namespaces);
  }

  @Override
  public void moveTag(TagRequest t) {
    on(
        idc(t.idc()).primary(),
        k -> {
          k.setTag(t.tag(), t.revision());
          return null;
        });
  }

  @Override
  public AnalysisReport analyse(AnalysisRequest r) {
    MetricsQuery prom = devices.metrics(idc(r.idc()).prometheus());
    try {
      return MeshAnalysis.analyse(prom, r, Instant.now());
    } catch (DeviceException e) {
      throw Failures.toTemporal(e);
    }
  }
}
