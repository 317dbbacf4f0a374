package io.longhaul.lab.mesh;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One IDC's mesh: a primary cluster with istiod revisions (deployments {@code istiod-<rev>} in
 * {@code istio-system}) and revision tags (webhooks {@code istio-revision-tag-<tag>}), and remote
 * clusters whose namespaces carry {@code istio.io/rev}. The lab plays the controllers Kubernetes
 * and Istio would run: a deployment restarted ({@code kubectl rollout restart}) gets new pods whose
 * sidecar revision ({@code istio.io/rev} on the pod) follows its namespace's label, resolved
 * through the tags; an istiod reports ready once its push queue is drained (unless its fault says
 * otherwise). Every change arrives through the Kubernetes APIs, as from kubectl.
 */
public final class MeshIdc implements AutoCloseable {
  public static final String REV = "istio.io/rev";
  public static final String TAG = "istio.io/tag";
  public static final String SYSTEM = "istio-system";
  public static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";

  /** On a pod: the restart stamp it was made for. */
  static final String ROLLED = "lab.longhaul.io/rolled";

  private static final int QUEUE_AT_START = 300;

  private final IdcSpec spec;
  private final K8sApi primary;
  private final List<K8sApi> remotes = new ArrayList<>();
  private final Map<String, Set<MeshFault>> faults = new ConcurrentHashMap<>();
  private final Map<String, Integer> queues = new HashMap<>();
  private final ScheduledExecutorService controller;
  private final MeshMetrics metrics;
  private volatile Map<String, IstiodState> istiods = Map.of();
  // cluster -> namespace -> revision -> pods
  private volatile Map<String, Map<String, Map<String, Integer>>> pods = Map.of();
  private volatile boolean down;

  MeshIdc(IdcSpec spec) {
    this.spec = spec;
    this.primary = new K8sApi(spec.name() + "-primary");
    for (int i = 1; i <= spec.remotes(); i++) {
      remotes.add(new K8sApi(spec.name() + "-remote" + i));
    }
    seed();
    reconcile();
    this.metrics = new MeshMetrics(this);
    this.controller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lab-mesh-" + spec.name());
              t.setDaemon(true);
              return t;
            });
    controller.scheduleWithFixedDelay(this::reconcileQuietly, 100, 100, TimeUnit.MILLISECONDS);
  }

  public String name() {
    return spec.name();
  }

  public IdcSpec spec() {
    return spec;
  }

  /** Cluster name → API root: the primary first, then the remotes. */
  public Map<String, java.net.URI> clusters() {
    Map<String, java.net.URI> out = new LinkedHashMap<>();
    out.put(primary.name(), primary.baseUri());
    remotes.forEach(r -> out.put(r.name(), r.baseUri()));
    return out;
  }

  public String primaryName() {
    return primary.name();
  }

  public List<String> remoteNames() {
    return remotes.stream().map(K8sApi::name).toList();
  }

  /** The IDC's metrics endpoint (istiod revisions and workloads), scraped by Prometheus. */
  public java.net.URI metricsUri() {
    return metrics.uri();
  }

  public void inject(String revision, MeshFault fault) {
    faults.computeIfAbsent(revision, r -> EnumSet.noneOf(MeshFault.class)).add(fault);
  }

  public void clearFaults() {
    faults.clear();
    remotes.forEach(r -> r.setDown(false));
    primary.setDown(false);
    down = false;
  }

  /** Makes one cluster's API answer 503 (true) or serve again (false). */
  public void setClusterDown(String cluster, boolean isDown) {
    api(cluster).setDown(isDown);
  }

  /** The whole IDC down: every API answers 503, the metrics endpoint too, nothing reconciles. */
  public void setDown(boolean isDown) {
    down = isDown;
    primary.setDown(isDown);
    remotes.forEach(r -> r.setDown(isDown));
  }

  /** How many changes (non-GET requests) reached one cluster's API. */
  public int requestLogSize(String cluster) {
    return api(cluster).requestLog().size();
  }

  public boolean down() {
    return down;
  }

  boolean has(String revision, MeshFault fault) {
    Set<MeshFault> f = faults.get(revision);
    return f != null && f.contains(fault);
  }

  /** Pods per sidecar revision over every remote namespace, as last reconciled. */
  public Map<String, Integer> podsByRevision() {
    Map<String, Integer> out = new TreeMap<>();
    pods.values()
        .forEach(
            ns -> ns.values().forEach(m -> m.forEach((r, n) -> out.merge(r, n, Integer::sum))));
    return out;
  }

  /** Namespace label values ({@code istio.io/rev}) over every remote, cluster/ns → value. */
  public Map<String, String> namespaceLabels() {
    Map<String, String> out = new TreeMap<>();
    for (K8sApi r : remotes) {
      for (Namespace n : r.client().namespaces().withLabel(REV).list().getItems()) {
        out.put(r.name() + "/" + n.getMetadata().getName(), n.getMetadata().getLabels().get(REV));
      }
    }
    return out;
  }

  /** The revision each tag points at. */
  public Map<String, String> tags() {
    Map<String, String> out = new TreeMap<>();
    for (MutatingWebhookConfiguration w :
        primary
            .client()
            .admissionRegistration()
            .v1()
            .mutatingWebhookConfigurations()
            .withLabel(TAG)
            .list()
            .getItems()) {
      out.put(w.getMetadata().getLabels().get(TAG), w.getMetadata().getLabels().get(REV));
    }
    return out;
  }

  /** istiod revisions the primary runs. */
  public Map<String, IstiodState> istiods() {
    return istiods;
  }

  Map<String, Map<String, Map<String, Integer>>> podsView() {
    return pods;
  }

  private K8sApi api(String cluster) {
    if (primary.name().equals(cluster)) {
      return primary;
    }
    return remotes.stream()
        .filter(r -> r.name().equals(cluster))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cluster " + cluster + " in " + name()));
  }

  private void seed() {
    KubernetesClient p = primary.client();
    p.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(SYSTEM).endMetadata().build())
        .create();
    p.apps()
        .deployments()
        .inNamespace(SYSTEM)
        .resource(istiod(spec.stableRevision(), spec.stableVersion()))
        .create();
    queues.put(spec.stableRevision(), 0);
    p.admissionRegistration()
        .v1()
        .mutatingWebhookConfigurations()
        .resource(tag(spec.tag(), spec.stableRevision()))
        .create();
    for (K8sApi r : remotes) {
      for (int i = 1; i <= spec.namespacesPerRemote(); i++) {
        String ns = "shop-%02d".formatted(i);
        r.client()
            .namespaces()
            .resource(
                new NamespaceBuilder()
                    .withNewMetadata()
                    .withName(ns)
                    .addToLabels(REV, spec.tag())
                    .endMetadata()
                    .build())
            .create();
        r.client().apps().deployments().inNamespace(ns).resource(workload(ns)).create();
        createPods(r.client(), ns, "app", spec.stableRevision(), "seed");
      }
    }
  }

  /** An istiod revision as Istio's installer lays it out. */
  public static Deployment istiod(String revision, String version) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("istiod-" + revision)
        .withNamespace(SYSTEM)
        .addToLabels("app", "istiod")
        .addToLabels(REV, revision)
        .addToAnnotations("lab.longhaul.io/version", version)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", "istiod")
        .addToMatchLabels(REV, revision)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "istiod")
        .addToLabels(REV, revision)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("discovery")
        .withImage("docker.io/istio/pilot:" + version)
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  static MutatingWebhookConfiguration tag(String tag, String revision) {
    return new MutatingWebhookConfigurationBuilder()
        .withNewMetadata()
        .withName("istio-revision-tag-" + tag)
        .addToLabels(TAG, tag)
        .addToLabels(REV, revision)
        .endMetadata()
        .build();
  }

  private Deployment workload(String ns) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("app")
        .withNamespace(ns)
        .addToLabels("app", "app")
        .endMetadata()
        .withNewSpec()
        .withReplicas(spec.replicas())
        .withNewSelector()
        .addToMatchLabels("app", "app")
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "app")
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("app")
        .withImage("shop:1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  private void createPods(
      KubernetesClient c, String ns, String app, String revision, String restart) {
    int replicas = spec.replicas();
    String generation = Integer.toHexString(restart.hashCode() & 0xfffffff);
    for (int i = 0; i < replicas; i++) {
      Pod pod =
          new PodBuilder()
              .withNewMetadata()
              .withName(app + "-" + generation + "-" + i)
              .withNamespace(ns)
              .addToLabels("app", app)
              .addToLabels(REV, revision)
              .addToAnnotations(ROLLED, restart)
              .endMetadata()
              .withNewSpec()
              .addNewContainer()
              .withName(app)
              .withImage("shop:1")
              .endContainer()
              .addNewContainer()
              .withName("istio-proxy")
              .withImage("docker.io/istio/proxyv2")
              .endContainer()
              .endSpec()
              .withNewStatus()
              .withPhase("Running")
              .endStatus()
              .build();
      c.pods().inNamespace(ns).resource(pod).create();
    }
  }

  private void reconcileQuietly() {
    try {
      if (!down) {
        reconcile();
      }
    } catch (RuntimeException e) {
      // A half-made change between two ticks (a conflict, an object gone): the next tick sees it
      // whole. Whatever it was, the controller must keep running, as a real one restarts.
    }
  }

  /** One pass of the lab's controllers: istiod readiness, then rollouts on every remote. */
  synchronized void reconcile() {
    Map<String, IstiodState> seen = new TreeMap<>();
    if (!primary.down()) {
      for (Deployment d :
          primary
              .client()
              .apps()
              .deployments()
              .inNamespace(SYSTEM)
              .withLabel("app", "istiod")
              .list()
              .getItems()) {
        seen.put(d.getMetadata().getLabels().get(REV), istiodTick(d));
      }
      queues.keySet().retainAll(seen.keySet());
      istiods = seen;
    }
    Map<String, String> tags = primary.down() ? Map.of() : tags();
    Map<String, Map<String, Map<String, Integer>>> view = new TreeMap<>(pods);
    for (K8sApi r : remotes) {
      if (!r.down()) {
        view.put(r.name(), rollouts(r.client(), tags));
      }
    }
    pods = view;
  }

  private IstiodState istiodTick(Deployment d) {
    String rev = d.getMetadata().getLabels().get(REV);
    int replicas = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    boolean early = has(rev, MeshFault.READY_BEFORE_DRAINED);
    int queued = queues.computeIfAbsent(rev, r -> QUEUE_AT_START);
    queued = replicas == 0 ? QUEUE_AT_START : Math.max(0, queued - (early ? 6 : 60));
    queues.put(rev, queued);
    boolean ready = replicas > 0 && (queued == 0 || early);
    Integer shown = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
    int want = ready ? replicas : 0;
    if (shown == null || shown != want) {
      d.setStatus(
          new io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder()
              .withReplicas(replicas)
              .withReadyReplicas(want)
              .withAvailableReplicas(want)
              .build());
      primary.client().apps().deployments().inNamespace(SYSTEM).resource(d).updateStatus();
    }
    return new IstiodState(rev, replicas, queued, ready);
  }

  private Map<String, Map<String, Integer>> rollouts(KubernetesClient c, Map<String, String> tags) {
    Map<String, String> nsRev = new HashMap<>();
    for (Namespace n : c.namespaces().withLabel(REV).list().getItems()) {
      String value = n.getMetadata().getLabels().get(REV);
      nsRev.put(n.getMetadata().getName(), tags.getOrDefault(value, value));
    }
    // Which restart each namespace's pods were made for: a stamp on the pods themselves, so the
    // controller never writes the deployment (a write there could race a user's restart).
    Map<String, java.util.Set<String>> made = new HashMap<>();
    for (Pod p : c.pods().inAnyNamespace().list().getItems()) {
      Map<String, String> a = p.getMetadata().getAnnotations();
      String app =
          p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get("app");
      made.computeIfAbsent(
              p.getMetadata().getNamespace() + "/" + app, k -> new java.util.HashSet<>())
          .add(a == null ? "" : a.getOrDefault(ROLLED, ""));
    }
    for (Deployment d : c.apps().deployments().inAnyNamespace().list().getItems()) {
      String ns = d.getMetadata().getNamespace();
      String app = d.getMetadata().getName();
      Map<String, String> tpl = d.getSpec().getTemplate().getMetadata().getAnnotations();
      String restarted = tpl == null ? null : tpl.get(RESTARTED_AT);
      if (restarted != null
          && nsRev.containsKey(ns)
          && !java.util.Set.of(restarted).equals(made.get(ns + "/" + app))) {
        c.pods().inNamespace(ns).withLabel("app", app).delete();
        createPods(c, ns, app, nsRev.get(ns), restarted);
      }
    }
    Map<String, Map<String, Integer>> out = new TreeMap<>();
    for (Pod p : c.pods().inAnyNamespace().list().getItems()) {
      String rev =
          p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get(REV);
      if (rev != null) {
        out.computeIfAbsent(p.getMetadata().getNamespace(), k -> new TreeMap<>())
            .merge(rev, 1, Integer::sum);
      }
    }
    return out;
  }

  @Override
  public void close() {
    controller.shutdownNow();
    metrics.close();
    primary.close();
    remotes.forEach(K8sApi::close);
  }
}
