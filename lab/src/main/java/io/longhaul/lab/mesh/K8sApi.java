package io.longhaul.lab.mesh;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.InetAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One Kubernetes API server on loopback: fabric8's mock server in CRUD mode (a real HTTP Kubernetes
 * API keeping objects, labels, patches and status), which can be made unreachable: then every
 * request is answered 503, as a load balancer in front of a dead API server does.
 */
final class K8sApi implements AutoCloseable {
  /** Marks the lab's own requests, so the request log holds only what came from outside. */
  private static final String LAB_HEADER = "X-Longhaul-Lab";

  /**
   * The mock server logs every request at info; where it logs through java.util.logging (no other
   * binding) the lab keeps it to warnings. Held strongly: JUL forgets unreferenced loggers' levels.
   */
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  private final String name;
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final List<String> requestLog = new CopyOnWriteArrayList<>();
  private volatile boolean down;

  K8sApi(String name) {
    this.name = name;
    KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher(List.of());
    io.fabric8.mockwebserver.http.Dispatcher dispatcher =
        new io.fabric8.mockwebserver.http.Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            if (down) {
              return new MockResponse().setResponseCode(503).setBody("{\"kind\":\"Status\"}");
            }
            if (!"GET".equals(request.getMethod()) && request.getHeader(LAB_HEADER) == null) {
              requestLog.add(request.getMethod() + " " + request.getPath());
            }
            return crud.dispatch(request);
          }
        };
    server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(io.fabric8.kubernetes.client.Config.empty())
                    .withMasterUrl(baseUri().toString())
                    .withRequestRetryBackoffLimit(0)
                    .withCustomHeaders(Map.of(LAB_HEADER, "controller"))
                    .build())
            .build();
  }

  String name() {
    return name;
  }

  /** The API server's root, e.g. {@code http://127.0.0.1:41234}. */
  URI baseUri() {
    return URI.create("http://" + server.getHostName() + ":" + server.getPort());
  }

  /** The lab's own client: seeds objects and plays the controllers. */
  KubernetesClient client() {
    return client;
  }

  boolean down() {
    return down;
  }

  void setDown(boolean down) {
    this.down = down;
  }

  /**
   * Every change that reached the API from outside the lab ({@code PATCH
   * /api/v1/namespaces/shop-01}...).
   */
  List<String> requestLog() {
    return List.copyOf(requestLog);
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
