package io.longhaul.bench.spawn;

import io.longhaul.activities.DeviceAccess;
import io.longhaul.activities.spawn.IpamActivitiesImpl;
import io.longhaul.activities.spawn.OverlayActivitiesImpl;
import io.longhaul.activities.spawn.PlacementActivitiesImpl;
import io.longhaul.activities.spawn.SwitchOverlayActivitiesImpl;
import io.longhaul.api.run.RunService;
import io.longhaul.api.run.StartRunRequest;
import io.longhaul.bench.core.BenchDatabase;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.spawn.LeafConfigState;
import io.longhaul.contracts.spawn.LeafConfigWorkflow;
import io.longhaul.lab.Lab;
import io.longhaul.lab.fault.Fault;
import io.longhaul.server.LonghaulApplication;
import io.longhaul.server.lab.LabInventory;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Longhaul as it runs with {@code ./longhaul run}: the Spring application with its embedded
 * Temporal test server, workers and the demo lab, on a fresh database. Topology discovery has run
 * (so hosts have leaf links) and every host may take far more instances than any benchmark spawns.
 * The spawn benchmarks drive it through {@link RunService} (as the REST API does) and call its
 * activity beans directly for the baselines.
 */
final class SpawnStack implements AutoCloseable {
  static final String SITE = "sha";

  private final BenchDatabase db;
  private final ConfigurableApplicationContext context;

  private SpawnStack(BenchDatabase db, ConfigurableApplicationContext context) {
    this.db = db;
    this.context = context;
  }

  static SpawnStack start() throws Exception {
    BenchDatabase db = BenchDatabase.create();
    Path dir = Files.createTempDirectory("bench-spawn");
    Map<String, Object> props = new HashMap<>();
    props.put("spring.datasource.url", db.url());
    props.put("spring.datasource.username", db.user());
    props.put("spring.datasource.password", db.password());
    props.put("longhaul.temporal.embedded-port", "0");
    props.put("LONGHAUL_ADMIN_PASSWORD", "bench-admin-password");
    props.put("longhaul.reconciler.every", "PT1H");
    props.put("longhaul.lab.enabled", "true");
    props.put("longhaul.lab.topology", roomyDemo(dir).toString());
    props.put("longhaul.lab.admin-port", "-1");
    props.put("longhaul.lab.state-dir", dir.resolve("lab").toString());
    props.put("longhaul.ssh.known-hosts", dir.resolve("known_hosts").toString());
    props.put("longhaul.credentials.key", Base64.getEncoder().encodeToString(new byte[32]));
    props.put("server.port", "0");
    props.put("logging.level.root", "warn");
    props.put("logging.level.io.temporal", "error");
    // As command-line arguments: they override application.yml (default properties would not, and
    // the application would reach for the developer's own database).
    String[] args =
        props.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(LonghaulApplication.class).run(args);
    var stack = new SpawnStack(db, context);
    stack.await(stack.startRun("topology-discovery", Map.of("site", SITE)), Object.class);
    return stack;
  }

  /**
   * The demo datacenter with room for every spawn of a run (placement is not what these benchmarks
   * measure): its hypervisors over-commit 8× CPU and 4× memory, in the lab and, loaded from the
   * same topology, in the inventory, so the two agree. At the demo's 2× a site holds 896 one-vCPU
   * instances, fewer than B2's 1,000.
   */
  private static Path roomyDemo(Path dir) throws java.io.IOException {
    String demo;
    try (var in = Lab.class.getResourceAsStream("demo-topology.yaml")) {
      demo = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    String roomy =
        demo.replaceAll(
            "(\\n( +)memoryMb: \\d+)", "$1\n$2cpuOvercommit: 8.0\n$2memoryOvercommit: 4.0");
    Path file = dir.resolve("topology.yaml");
    Files.writeString(file, roomy);
    return file;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  Lab lab() {
    return bean(LabInventory.class).runtime().lab();
  }

  /** Device latency on every device of the site (hypervisors and switches); 0 clears it. */
  void latency(int ms) {
    lab().faults().clear(SITE);
    if (ms > 0) {
      lab().faults().inject(SITE, new Fault.Latency(Duration.ofMillis(ms)));
    }
  }

  WorkflowClient temporal() {
    return bean(WorkflowClient.class);
  }

  String startRun(String operation, Map<String, Object> params) {
    return bean(RunService.class)
        .start(new StartRunRequest(operation, params, "benchmark", null), "bench")
        .run()
        .id();
  }

  <T> T await(String runId, Class<T> type) {
    return temporal().newUntypedWorkflowStub(runId).getResult(type);
  }

  <T> CompletableFuture<T> awaitAsync(String runId, Class<T> type) {
    WorkflowStub stub = temporal().newUntypedWorkflowStub(runId);
    return stub.getResultAsync(type);
  }

  /** Starts every leaf's configuration workflow with this linger (else the first spawn does). */
  void startLeafWorkflows(long lingerMillis) {
    for (String sw : leaves()) {
      LeafConfigWorkflow wf =
          temporal()
              .newWorkflowStub(
                  LeafConfigWorkflow.class,
                  WorkflowOptions.newBuilder()
                      .setWorkflowId(LeafConfigWorkflow.workflowId(sw))
                      .setTaskQueue(TaskQueues.WORKFLOWS)
                      .build());
      WorkflowClient.start(wf::run, new LeafConfigState(sw, SITE, 0, lingerMillis));
    }
  }

  List<String> leaves() {
    return lab().devices().stream()
        .filter(d -> SITE.equals(d.siteCode()) && "leaf".equals(d.role()))
        .map(d -> d.name())
        .toList();
  }

  /**
   * Destroys every domain and tap port on the site's hypervisors (the lab enforces their own
   * over-commit), then forgets every instance, port, reservation and overlay user. Not timed.
   */
  void reset() {
    var threads = new java.util.ArrayList<Thread>();
    for (io.longhaul.lab.LabDevice d : lab().devices()) {
      if (d.kind() != io.longhaul.lab.DeviceKind.HYPERVISOR || !SITE.equals(d.siteCode())) {
        continue;
      }
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    var h = devices().hypervisor(d.name());
                    for (var domain : h.list()) {
                      // the bench's own domains only: each owns itself by its mark
                      var owner = h.identity(domain.name()).flatMap(i -> i.owner());
                      if (owner.isEmpty()) {
                        continue;
                      }
                      h.destroy(domain.name(), owner.get());
                      h.undefine(domain.name(), owner.get());
                    }
                    for (String port : h.ports(io.longhaul.contracts.spawn.PlugRequest.BRIDGE)) {
                      if (port.startsWith("tap")) {
                        h.unplug(io.longhaul.contracts.spawn.PlugRequest.BRIDGE, port);
                      }
                    }
                    lab().hypervisorState(d.name()).resetCounters();
                  }));
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    db.execute(
        "delete from overlay_user",
        "delete from placement",
        "delete from instance",
        "delete from ip_port",
        "vacuum analyze ip_free",
        "vacuum analyze ip_port",
        "vacuum analyze instance");
  }

  PlacementActivitiesImpl placement() {
    return bean(PlacementActivitiesImpl.class);
  }

  IpamActivitiesImpl ipam() {
    return bean(IpamActivitiesImpl.class);
  }

  OverlayActivitiesImpl overlay() {
    return bean(OverlayActivitiesImpl.class);
  }

  SwitchOverlayActivitiesImpl switches() {
    return bean(SwitchOverlayActivitiesImpl.class);
  }

  DeviceAccess devices() {
    return bean(DeviceAccess.class);
  }

  static Map<String, Object> vm(String name) {
    return Map.of("site", SITE, "name", name, "vcpus", 1, "memoryMiB", 256, "networkLabel", "web");
  }

  @Override
  public void close() {
    context.close();
    db.close();
  }
}
