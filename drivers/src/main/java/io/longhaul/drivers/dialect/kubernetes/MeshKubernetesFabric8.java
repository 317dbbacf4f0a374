package io.longhaul.drivers.dialect.kubernetes;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.longhaul.drivers.ClusterTarget;
import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Printable;
import io.longhaul.drivers.capability.MeshKubernetes;
import io.longhaul.drivers.transport.http.HttpAuth;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * {@link MeshKubernetes} on fabric8's Kubernetes client: the cluster's inventory URL, its trust
 * (only the inventory's certificates) and its bearer token. The client does not retry on its own
 * (the activity's retry policy decides), and its errors become typed device failures: 401/403 an
 * authentication failure, 404/409/422 a rejected command, the rest (503, no answer) unreachable.
 */
public final class MeshKubernetesFabric8 implements MeshKubernetes {
  static final String RESTARTED_AT = "kubectl.kubernetes.io/restartedAt";
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
  private static final Pattern VERSION =
      Pattern.compile("[0-9]+\\.[0-9]+\\.[0-9]+([-.][a-z0-9.]+)?");

  private final String name;
  private final KubernetesClient client;

  public MeshKubernetesFabric8(ClusterTarget target, HttpAuth auth, int timeoutMillis) {
    this.name = target.name();
    ConfigBuilder config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl(target.baseUri().toString())
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(timeoutMillis)
            .withRequestTimeout(timeoutMillis);
    if (auth instanceof HttpAuth.Bearer b) {
      config.withOauthToken(b.token());
    } else if (auth instanceof HttpAuth.Basic b) {
      config.withUsername(b.username()).withPassword(b.password());
    }
    if (target.trust() != null) {
      config.withCaCertData(pem(target.trust().certificates().toArray(X509Certificate[]::new)));
    }
    this.client = new KubernetesClientBuilder().withConfig(config.build()).build();
  }

  @Override
  public Map<String, String> meshedNamespaces() {
    return call(
        "list namespaces",
        () -> {
          Map<String, String> out = new TreeMap<>();
          for (Namespace n : client.namespaces().withLabel(REV_LABEL).list().getItems()) {
            out.put(n.getMetadata().getName(), n.getMetadata().getLabels().get(REV_LABEL));
          }
          return out;
        });
  }

  @Override
  public void labelNamespace(String namespace, String revisionOrTag) {
    check("namespace", namespace);
    check("revision", revisionOrTag);
    call(
        "label namespace " + namespace,
        () ->
            client
                .namespaces()
                .withName(namespace)
                .edit(
                    n -> {
                      Map<String, String> labels = new HashMap<>(n.getMetadata().getLabels());
                      labels.put(REV_LABEL, revisionOrTag);
                      n.getMetadata().setLabels(labels);
                      return n;
                    }));
  }

  @Override
  public void restartDeployments(String namespace, String key) {
    check("namespace", namespace);
    call(
        "restart deployments in " + namespace,
        () -> {
          for (Deployment d :
              client.apps().deployments().inNamespace(namespace).list().getItems()) {
            Map<String, String> a = d.getSpec().getTemplate().getMetadata().getAnnotations();
            if (a != null && key.equals(a.get(RESTARTED_AT))) {
              continue; // restarted under this key already: a retry must not roll it again
            }
            client
                .apps()
                .deployments()
                .inNamespace(namespace)
                .withName(d.getMetadata().getName())
                .edit(
                    x -> {
                      var meta = x.getSpec().getTemplate().getMetadata();
                      Map<String, String> ann =
                          meta.getAnnotations() == null
                              ? new HashMap<>()
                              : new HashMap<>(meta.getAnnotations());
                      ann.put(RESTARTED_AT, key);
                      meta.setAnnotations(ann);
                      return x;
                    });
          }
          return null;
        });
  }

  @Override
  public Map<String, Integer> podsByRevision(String namespace) {
    check("namespace", namespace);
    return call(
        "list pods in " + namespace,
        () -> {
          Map<String, Integer> out = new TreeMap<>();
          for (Pod p : client.pods().inNamespace(namespace).list().getItems()) {
            Map<String, String> l = p.getMetadata().getLabels();
            out.merge(l == null ? "none" : l.getOrDefault(REV_LABEL, "none"), 1, Integer::sum);
          }
          return out;
        });
  }

  @Override
  public void applyIstiod(String revision, String version, int replicas) {
    check("revision", revision);
    if (version == null || !VERSION.matcher(version).matches()) {
      throw new DeviceException.InvalidParameter(name, "version", "not x.y.z");
    }
    call(
        "apply istiod-" + revision,
        () -> {
          var deployments = client.apps().deployments().inNamespace(SYSTEM_NAMESPACE);
          if (deployments.withName("istiod-" + revision).get() == null) {
            deployments.resource(istiod(revision, version, replicas)).create();
          } else {
            deployments.withName("istiod-" + revision).scale(replicas);
          }
          return null;
        });
  }

  @Override
  public int istiodReady(String revision) {
    check("revision", revision);
    return call(
        "get istiod-" + revision,
        () -> {
          Deployment d =
              client
                  .apps()
                  .deployments()
                  .inNamespace(SYSTEM_NAMESPACE)
                  .withName("istiod-" + revision)
                  .get();
          if (d == null) {
            return -1;
          }
          Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
          return ready == null ? 0 : ready;
        });
  }

  @Override
  public void deleteIstiod(String revision) {
    check("revision", revision);
    call(
        "delete istiod-" + revision,
        () ->
            client
                .apps()
                .deployments()
                .inNamespace(SYSTEM_NAMESPACE)
                .withName("istiod-" + revision)
                .delete());
  }

  @Override
  public Map<String, String> tags() {
    return call(
        "list revision tags",
        () -> {
          Map<String, String> out = new TreeMap<>();
          for (MutatingWebhookConfiguration w :
              client
                  .admissionRegistration()
                  .v1()
                  .mutatingWebhookConfigurations()
                  .withLabel(TAG_LABEL)
                  .list()
                  .getItems()) {
            out.put(
                w.getMetadata().getLabels().get(TAG_LABEL),
                w.getMetadata().getLabels().get(REV_LABEL));
          }
          return out;
        });
  }

  @Override
  public void setTag(String tag, String revision) {
    check("tag", tag);
    check("revision", revision);
    call(
        "set tag " + tag,
        () -> {
          var webhooks = client.admissionRegistration().v1().mutatingWebhookConfigurations();
          String name = "istio-revision-tag-" + tag;
          if (webhooks.withName(name).get() == null) {
            webhooks
                .resource(
                    new MutatingWebhookConfigurationBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .addToLabels(TAG_LABEL, tag)
                        .addToLabels(REV_LABEL, revision)
                        .endMetadata()
                        .build())
                .create();
          } else {
            webhooks
                .withName(name)
                .edit(
                    w -> {
                      Map<String, String> l = new HashMap<>(w.getMetadata().getLabels());
                      l.put(REV_LABEL, revision);
                      w.getMetadata().setLabels(l);
                      return w;
                    });
          }
          return null;
        });
  }

  static Deployment istiod(String revision, String version, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName("istiod-" + revision)
        .withNamespace(SYSTEM_NAMESPACE)
        .addToLabels("app", "istiod")
        .addToLabels(REV_LABEL, revision)
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .withNewSelector()
        .addToMatchLabels("app", "istiod")
        .addToMatchLabels(REV_LABEL, revision)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", "istiod")
        .addToLabels(REV_LABEL, revision)
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

  private void check(String what, String value) {
    if (value == null || !NAME.matcher(value).matches()) {
      throw new DeviceException.InvalidParameter(
          name, what, Printable.escape(String.valueOf(value), 70) + " is not a Kubernetes name");
    }
  }

  private <T> T call(String command, Supplier<T> body) {
    try {
      return body.get();
    } catch (KubernetesClientException e) {
      int code = e.getCode();
      String detail = code == 0 ? "no answer" : "HTTP " + code;
      if (code == 401 || code == 403) {
        throw new DeviceException.AuthenticationFailed(name, detail, null);
      }
      if (code == 404 || code == 409 || code == 422 || code == 400) {
        throw new DeviceException.CommandRejected(name, command, detail);
      }
      throw new DeviceException.Unreachable(name, command, detail, null);
    }
  }

  private static String pem(X509Certificate[] certs) {
    StringBuilder out = new StringBuilder();
    for (X509Certificate c : certs) {
      try {
        out.append("-----BEGIN CERTIFICATE-----\n")
            .append(Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(c.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("certificate cannot be encoded", e);
      }
    }
    return Base64.getEncoder().encodeToString(out.toString().getBytes());
  }

  @Override
  public void close() {
    client.close();
  }
}
