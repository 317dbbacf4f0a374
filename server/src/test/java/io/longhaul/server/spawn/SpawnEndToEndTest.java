package io.longhaul.server.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.api.run.RunReconciler;
import io.longhaul.db.instance.PlacementRepository;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.run.RunRepository;
import io.longhaul.db.testing.TestDatabase;
import io.longhaul.lab.Lab;
import io.longhaul.lab.fault.Fault;
import io.longhaul.server.LonghaulApplication;
import io.longhaul.server.lab.LabInventory;
import io.longhaul.server.support.ApiClient;
import io.longhaul.workers.WorkerRuntime;
import io.temporal.client.WorkflowClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Instance spawn and teardown against the demo lab, through the REST API. The first case runs
 * topology discovery so host links exist; the hosts of leaf pair 2 then go into maintenance, so
 * every spawn lands on pair 1 (sha-leaf1 + sha-leaf2). Cases run in order and share the lab.
 */
@SpringBootTest(
    classes = LonghaulApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "longhaul.temporal.embedded-port=0",
      "LONGHAUL_ADMIN_PASSWORD=" + SpawnEndToEndTest.ADMIN_PASSWORD,
      "longhaul.reconciler.every=PT1H",
      "longhaul.lab.enabled=true"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Instance spawn against the demo lab")
class SpawnEndToEndTest {
  static final String ADMIN_PASSWORD = "test-admin-password";
  static final List<String> PAIR = List.of("sha-leaf1", "sha-leaf2");

  @LocalServerPort int port;
  @Autowired LabInventory labInventory;
  @Autowired HypervisorRepository hypervisors;
  @Autowired PlacementRepository placements;
  @Autowired WorkerRuntime workers;
  @Autowired WorkflowClient temporal;
  @Autowired RunRepository runRepository;

  @DynamicPropertySource
  static void isolated(DynamicPropertyRegistry registry) throws Exception {
    String url = TestDatabase.create();
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", TestDatabase::user);
    registry.add("spring.datasource.password", TestDatabase::password);
    registry.add(
        "longhaul.credentials.key",
        () -> java.util.Base64.getEncoder().encodeToString(new byte[32]));
    Path dir = Files.createTempDirectory("longhaul-spawn-test");
    registry.add("longhaul.lab.state-dir", () -> dir.resolve("lab").toString());
    registry.add("longhaul.ssh.known-hosts", () -> dir.resolve("known_hosts").toString());
    // the traces compare instance listings whole; the drift watch would stamp its checks on them
    registry.add("longhaul.drift.enabled", () -> "false");
  }

  ApiClient admin() {
    return ApiClient.basic(port, "admin", ADMIN_PASSWORD);
  }

  Lab lab() {
    return labInventory.runtime().lab();
  }

  @AfterEach
  void clearFaults() {
    lab().faults().clearAll();
  }

  String start(String operation, Map<String, Object> params) {
    var r =
        admin()
            .post(
                "/api/v1/runs",
                Map.of("operation", operation, "params", params, "reason", "end-to-end test"));
    assertThat(r.status()).as(r.raw()).isEqualTo(202);
    return r.body().path("id").asText();
  }

  JsonNode awaitEnd(String id) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = admin().get("/api/v1/runs/" + id).body();
      String status = run.path("status").asText();
      if (!status.equals("pending") && !status.equals("running")) {
        return run;
      }
      sleep(100);
    }
    throw new AssertionError("run " + id + " did not end: " + admin().get("/api/v1/runs/" + id));
  }

  JsonNode run(String operation, Map<String, Object> params) {
    return awaitEnd(start(operation, params));
  }

  static Map<String, Object> vm(String name, Object... more) {
    var p = new HashMap<String, Object>();
    p.put("site", "sha");
    p.put("name", name);
    p.put("vcpus", 1);
    p.put("memoryMiB", 256);
    for (int i = 0; i < more.length; i += 2) {
      p.put((String) more[i], more[i + 1]);
    }
    if (!p.containsKey("networkId")) {
      p.putIfAbsent("networkLabel", "web");
    }
    return p;
  }

  JsonNode instance(String name) {
    for (JsonNode i : admin().get("/api/v1/instances").body()) {
      if (i.path("name").asText().equals(name)) {
        return i;
      }
    }
    return null;
  }

  long networkId(String name) {
    for (JsonNode n : admin().get("/api/v1/networks").body()) {
      if (n.path("name").asText().equals(name)) {
        return n.path("id").asLong();
      }
    }
    throw new AssertionError("no network " + name);
  }

  /** Everything a spawn can leave behind, in the lab and in the database. */
  Map<String, Object> traces() {
    var t = new TreeMap<String, Object>();
    for (int i = 1; i <= 16; i++) {
      String hv = String.format("sha-hv%02d", i);
      t.put(hv + " domains", new TreeMap<>(lab().hypervisorState(hv).domains()).keySet());
      t.put(hv + " ovs", new TreeMap<>(lab().hypervisorState(hv).ovsPorts()));
      t.put(hv + " volumes", lab().hypervisorState(hv).volumes("longhaul"));
    }
    for (String leaf : PAIR) {
      t.put(leaf, lab().switchState(leaf).runningConfig());
    }
    t.put("instances", admin().get("/api/v1/instances").raw());
    for (String net : List.of("sha-prod", "sha-test")) {
      t.put(net, admin().get("/api/v1/networks/" + networkId(net) + "/ports").raw());
    }
    t.put("placements", placements.list());
    return t;
  }

  @Test
  @Order(1)
  @DisplayName("discovery finds the host links and pair 2 goes into maintenance")
  void discoverAndConfine() {
    JsonNode run = run("topology-discovery", Map.of("site", "sha"));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    for (Hypervisor h : hypervisors.list()) {
      int n = Integer.parseInt(h.name().replaceAll("\\D", ""));
      if (h.name().startsWith("sha-hv") && n > 8) {
        hypervisors.update(h.id(), spec(h, true));
      }
    }
  }

  static Hypervisor.Spec spec(Hypervisor h, boolean maintenance) {
    return new Hypervisor.Spec(
        h.siteId(),
        h.name(),
        h.address(),
        h.sshPort(),
        h.credentialId(),
        h.cpuCores(),
        h.memoryMb(),
        h.cpuOvercommit(),
        h.memoryOvercommit(),
        maintenance);
  }

  @Test
  @Order(2)
  @DisplayName("a spawn runs the domain on br-int and trunks its VLAN on both leaves of the pair")
  void singleSpawn() {
    JsonNode run = run("instance-spawn", vm("vm-one"));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    JsonNode vm = instance("vm-one");
    assertThat(vm.path("state").asText()).isEqualTo("active");
    String host = vm.path("hypervisor").asText();
    assertThat(host).matches("sha-hv0[1-8]");
    var hv = lab().hypervisorState(host);
    assertThat(hv.domains().get("vm-one").running()).isTrue();
    assertThat(hv.ovsPorts()).containsValue(vm.path("portId").asText());
    int nic = Integer.parseInt(host.substring(6));
    for (String leaf : PAIR) {
      assertThat(lab().switchState(leaf).trunkVlans("Ethernet1/" + nic)).contains(100);
    }
    assertThat(vm.path("ip").asText()).startsWith("10.");
    // it booted from its overlay and took its name and address from its seed
    assertThat(hv.volumes("longhaul")).hasSize(3);
    assertThat(hv.console("vm-one"))
        .contains("longhaul-guest: hostname vm-one")
        .contains("longhaul-guest: eth0 " + vm.path("ip").asText() + "/");
    List<String> steps = run.path("steps").findValuesAsText("step");
    assertThat(steps)
        .contains(
            "validate",
            "place",
            "allocate-port",
            "define-start",
            "plug",
            "bind-port",
            "find-leaves",
            "ensure-overlay",
            "verify",
            "activate");
  }

  static long durationMillis(JsonNode run) {
    return Duration.between(
            OffsetDateTime.parse(run.path("startedAt").asText()),
            OffsetDateTime.parse(run.path("endedAt").asText()))
        .toMillis();
  }

  @Test
  @Order(2)
  @DisplayName("spawns one at a time all succeed, each on a host of pair 1")
  void sequentialSpawns() {
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      JsonNode run = run("instance-spawn", vm("seq-" + i));
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      assertThat(instance("seq-" + i).path("hypervisor").asText()).matches("sha-hv0[1-8]");
      millis.add(durationMillis(run));
    }
    millis.sort(null);
    System.out.printf(
        "spawn figures: sequential spawn time at zero device latency %s ms%n", millis);
  }

  @Test
  @Order(3)
  @DisplayName("a pod rescheduled with the same labels gets the same IP, and keeps it")
  void podKeepsItsAddress() {
    Map<String, Object> labels = Map.of("app", "cart", "ns", "shop", "pod", "cart-0");
    JsonNode first = run("instance-spawn", vm("cart-0-a", "kind", "pod", "podLabels", labels));
    assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("succeeded");
    String ip = instance("cart-0-a").path("ip").asText();
    JsonNode second = run("instance-spawn", vm("cart-0-b", "kind", "pod", "podLabels", labels));
    assertThat(second.path("status").asText()).as(second.toString()).isEqualTo("succeeded");
    assertThat(instance("cart-0-b").path("ip").asText()).isEqualTo(ip);

    JsonNode oldGone = run("instance-delete", Map.of("name", "cart-0-a"));
    assertThat(oldGone.path("status").asText()).as(oldGone.toString()).isEqualTo("succeeded");
    assertThat(instance("cart-0-a")).isNull();
    assertThat(admin().get("/api/v1/networks/" + networkId("sha-prod") + "/ports").raw())
        .contains(ip);
    JsonNode gone = run("instance-delete", Map.of("name", "cart-0-b"));
    assertThat(gone.path("status").asText()).as(gone.toString()).isEqualTo("succeeded");
    assertThat(admin().get("/api/v1/networks/" + networkId("sha-prod") + "/ports").raw())
        .doesNotContain("\"" + ip + "\"");
  }

  @Test
  @Order(3)
  @DisplayName("a spawn that requires approval shows its plan and waits for another approver")
  void approvedSpawn() {
    var approverUser =
        admin()
            .post(
                "/api/v1/users",
                Map.of(
                    "username",
                    "spawn-approver",
                    "password",
                    "approver-password",
                    "role",
                    "approver"));
    assertThat(approverUser.status()).as(approverUser.raw()).isEqualTo(201);
    String id =
        start(
            "instance-spawn",
            vm("vm-approved", "networkLabel", "test-env", "requireApproval", true));
    JsonNode waiting = awaitEnd(id);
    assertThat(waiting.path("status").asText())
        .as(waiting.toString())
        .isEqualTo("awaiting_approval");
    JsonNode pending = waiting.path("pending").get(0);
    assertThat(pending.path("kind").asText()).isEqualTo("approval");
    assertThat(pending.path("step").asText()).isEqualTo("approve-overlay");
    String plan = pending.path("plan").asText();
    String host = instance("vm-approved").path("hypervisor").asText();
    int nic = Integer.parseInt(host.substring(6));
    assertThat(plan)
        .contains("host      " + host, "sha-leaf1 (", "sha-leaf2 (")
        .containsPattern("port      10\\.17\\.\\d+\\.\\d+/22  MAC 02:4c:")
        .contains("  interface Ethernet1/" + nic + "\n    switchport trunk allowed vlan");
    // Nothing on the leaves before the approval.
    for (String leaf : PAIR) {
      assertThat(lab().switchState(leaf).trunkVlans("Ethernet1/" + nic)).doesNotContain(200);
    }

    Map<String, Object> decision =
        Map.of("step", "approve-overlay", "target", "vm-approved", "reason", "looks right");
    var byRequester = admin().post("/api/v1/runs/" + id + "/approve", decision);
    assertThat(byRequester.status()).as(byRequester.raw()).isEqualTo(403);
    var byApprover =
        ApiClient.basic(port, "spawn-approver", "approver-password")
            .post("/api/v1/runs/" + id + "/approve", decision);
    assertThat(byApprover.status()).as(byApprover.raw()).isIn(200, 202);

    JsonNode run = awaitEnd(id);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    for (String leaf : PAIR) {
      assertThat(lab().switchState(leaf).trunkVlans("Ethernet1/" + nic)).contains(200);
    }
    assertThat(run.path("steps").findValuesAsText("kind")).contains("approved");
    assertThat(plan).contains("port      " + instance("vm-approved").path("ip").asText() + "/22");
    assertAllocationShows(host);
    // Later cases compare the test-env VLAN's trunks before and after their own spawns.
    JsonNode gone = run("instance-delete", Map.of("name", "vm-approved"));
    assertThat(gone.path("status").asText()).as(gone.toString()).isEqualTo("succeeded");
  }

  /** The allocation view counts the host's reservations against its over-commit limit. */
  void assertAllocationShows(String host) {
    Hypervisor h =
        hypervisors.list().stream().filter(x -> x.name().equals(host)).findFirst().orElseThrow();
    long[] reserved = placements.reserved(h.id());
    JsonNode row = null;
    for (JsonNode a : admin().get("/api/v1/hypervisors/allocation").body()) {
      if (a.path("name").asText().equals(host)) {
        row = a;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("instances").asInt()).isPositive();
    assertThat(row.path("vcpusUsed").asLong()).isEqualTo(reserved[0]);
    assertThat(row.path("memoryMiBUsed").asLong()).isEqualTo(reserved[1]);
    assertThat(row.path("vcpusLimit").asLong())
        .isEqualTo((long) Math.floor(h.cpuCores() * h.cpuOvercommit().doubleValue()));
  }

  @Test
  @Order(4)
  @DisplayName("a teardown leaves the leaves' configuration as it was before the spawn")
  void teardownRestoresLeaves() {
    Map<String, Object> before = traces();
    JsonNode run = run("instance-spawn", vm("vm-gone", "networkLabel", "test-env"));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(lab().switchState("sha-leaf1").runningConfig())
        .isNotEqualTo(before.get("sha-leaf1"));
    JsonNode gone = run("instance-delete", Map.of("name", "vm-gone"));
    assertThat(gone.path("status").asText()).as(gone.toString()).isEqualTo("succeeded");
    assertThat(traces()).isEqualTo(before);
  }

  /** A fault that fails one step, and the spawn params that reach it. */
  record Case(String step, String target, Fault fault, Map<String, Object> params) {
    @Override
    public String toString() {
      return step;
    }
  }

  static List<Case> failures() {
    return List.of(
        new Case("validate", null, null, vm("f-validate", "networkLabel", "no-such-label")),
        new Case(
            "place", null, null, vm("f-place", "networkLabel", "test-env", "memoryMiB", 524288)),
        new Case(
            "define-start",
            "hypervisors",
            new Fault.CommandFails("virsh define"),
            vm("f-define", "networkLabel", "test-env")),
        new Case(
            "plug",
            "hypervisors",
            new Fault.CommandFails("ovs-vsctl --may-exist"),
            vm("f-plug", "networkLabel", "test-env")),
        new Case(
            "ensure-overlay",
            "leaves",
            new Fault.CommandFails("switchport trunk allowed vlan add"),
            vm("f-overlay", "networkLabel", "test-env")),
        new Case(
            "verify",
            "hypervisors",
            new Fault.CommandFails("virsh dominfo"),
            vm("f-verify", "networkLabel", "test-env")));
  }

  @ParameterizedTest(name = "a failure at {0} is compensated and leaves no trace")
  @MethodSource("failures")
  @Order(5)
  void failureLeavesNoTrace(Case c) {
    Map<String, Object> before = traces();
    if (c.fault() != null) {
      lab().faults().inject(c.target(), c.fault());
    }
    String id = start("instance-spawn", c.params());
    JsonNode parked = awaitEnd(id);
    lab().faults().clearAll();
    // Operator control parks each failed step for a decision (both leaves' steps may park at
    // once); aborting runs the compensations.
    assertThat(parked.path("status").asText()).as(parked.toString()).isEqualTo("needs_attention");
    JsonNode run = parked;
    for (int i = 0; i < 600 && run.path("status").asText().equals("needs_attention"); i++) {
      for (JsonNode p : run.path("pending")) {
        admin()
            .post(
                "/api/v1/runs/" + id + "/abort",
                Map.of(
                    "step", p.path("step").asText(),
                    "target", p.path("target").asText(),
                    "reason", "test"));
      }
      sleep(100);
      run = awaitEnd(id);
    }
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("aborted");
    JsonNode failed = null;
    for (JsonNode step : run.path("steps")) {
      if (step.path("kind").asText().equals("failed") && failed == null) {
        failed = step;
      }
    }
    assertThat(failed).as(run.toString()).isNotNull();
    assertThat(failed.path("step").asText()).isEqualTo(c.step());
    assertThat(traces()).isEqualTo(before);
  }

  /** Waits (up to 2 minutes) until the run satisfies {@code done}. */
  JsonNode awaitRun(String id, java.util.function.Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = admin().get("/api/v1/runs/" + id).body();
      if (done.test(run)) {
        return run;
      }
      sleep(100);
    }
    throw new AssertionError(
        "run " + id + " did not get there: " + admin().get("/api/v1/runs/" + id));
  }

  static boolean pending(JsonNode run, String step, int attempt) {
    for (JsonNode p : run.path("pending")) {
      if (p.path("step").asText().equals(step) && p.path("attempt").asInt() == attempt) {
        return true;
      }
    }
    return false;
  }

  /** The kinds of the run's compensation events for one step, in order. */
  static List<String> compensations(JsonNode run, String step) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : run.path("compensations")) {
      if (c.path("step").asText().equals(step)) {
        out.add(c.path("kind").asText());
      }
    }
    return out;
  }

  @Test
  @Order(5)
  @DisplayName(
      "a failed undo during an abort shows under compensations, parks, and is retried until it"
          + " succeeds")
  void failedUndoIsRetried() {
    Map<String, Object> before = traces();
    lab().faults().inject("hypervisors", new Fault.CommandFails("virsh dominfo"));
    String id = start("instance-spawn", vm("f-undo", "networkLabel", "test-env"));
    JsonNode parked = awaitRun(id, r -> pending(r, "verify", 1));
    String host = instance("f-undo").path("hypervisor").asText();
    lab().faults().clearAll();
    // The host refuses to destroy the domain: the abort's define-start undo fails.
    lab().faults().inject("hypervisors", new Fault.CommandFails("virsh destroy"));
    var abort =
        admin()
            .post(
                "/api/v1/runs/" + id + "/abort",
                Map.of("step", "verify", "target", host, "reason", "wrong network"));
    assertThat(abort.status()).as(abort.raw()).isEqualTo(202);

    for (int attempt = 1; attempt <= 2; attempt++) {
      int a = attempt;
      JsonNode stuck = awaitRun(id, r -> pending(r, "undo:define-start", a));
      assertThat(stuck.path("status").asText()).isEqualTo("needs_attention");
      JsonNode undo = stuck.path("pending").get(0);
      assertThat(undo.path("kind").asText()).isEqualTo("compensation");
      assertThat(undo.path("target").asText()).isEqualTo(host);
      assertThat(undo.path("errorType").asText()).isEqualTo("CommandRejected");
      assertThat(undo.path("skippable").asBoolean()).isTrue();
      assertThat(compensations(stuck, "define-start"))
          .filteredOn(k -> k.equals("compensation_failed"))
          .hasSize(a);
      // The undos after it wait: the port and the reservation are still there.
      assertThat(compensations(stuck, "allocate-port")).isEmpty();
      if (attempt == 2) {
        lab().faults().clearAll(); // the host is mended; the next retry succeeds
      }
      var retry =
          admin()
              .post(
                  "/api/v1/runs/" + id + "/retry-step",
                  Map.of("step", "undo:define-start", "target", host, "reason", "host mended"));
      assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
    }

    JsonNode run = awaitRun(id, r -> r.path("status").asText().equals("aborted"));
    assertThat(compensations(run, "define-start"))
        .containsExactly(
            "compensating",
            "compensation_failed",
            "compensating",
            "compensation_failed",
            "compensating",
            "compensated");
    for (String step : List.of("plug", "allocate-port", "place", "validate")) {
      assertThat(compensations(run, step)).as(step).containsExactly("compensating", "compensated");
    }
    // Forward steps keep their own story; the undo's decisions are a step of their own.
    List<String> timeline = run.path("timeline").findValuesAsText("step");
    assertThat(timeline).contains("verify", "undo:define-start");
    assertThat(traces()).isEqualTo(before);
  }

  @Test
  @Order(5)
  @DisplayName(
      "a re-run of a spawn that ended without its undos reuses the original's port, reservation"
          + " and domain")
  void rerunReusesAllocations() {
    lab().faults().inject("hypervisors", new Fault.CommandFails("virsh dominfo"));
    long net = networkId("sha-test");
    long usedBefore = ports(net).path("used").asLong();
    int reservationsBefore = placements.list().size();
    String id = start("instance-spawn", vm("f-rerun", "networkLabel", "test-env"));
    JsonNode parked = awaitRun(id, r -> pending(r, "verify", 1));
    JsonNode port = portOf(net, "f-rerun");
    String host = instance("f-rerun").path("hypervisor").asText();
    assertThat(port.path("allocationKey").asText())
        .isEqualTo(parked.path("changeId").asText() + ":allocate-port:f-rerun");
    assertThat(placements.list()).hasSize(reservationsBefore + 1);

    // The run ends behind the journal's back (no undo runs), as when its workflow is terminated.
    temporal.newUntypedWorkflowStub(id).terminate("test: pulled the plug");
    new RunReconciler(runRepository, temporal, Duration.ZERO).reconcile();
    assertThat(admin().get("/api/v1/runs/" + id).body().path("status").asText())
        .isEqualTo("terminated");
    lab().faults().clearAll();

    var rerun = admin().post("/api/v1/runs/" + id + "/re-run", Map.of("reason", "dominfo mended"));
    assertThat(rerun.status()).as(rerun.raw()).isEqualTo(202);
    JsonNode run = awaitEnd(rerun.body().path("id").asText());
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    JsonNode vm = instance("f-rerun");
    assertThat(vm.path("portId").asText()).isEqualTo(port.path("id").asText());
    assertThat(vm.path("ip").asText()).isEqualTo(port.path("address").asText());
    assertThat(vm.path("mac").asText()).isEqualTo(port.path("mac").asText());
    assertThat(vm.path("hypervisor").asText()).isEqualTo(host);
    // No second port, reservation or domain.
    assertThat(ports(net).path("used").asLong()).isEqualTo(usedBefore + 1);
    assertThat(placements.list()).hasSize(reservationsBefore + 1);
    long domains =
        hypervisors.list().stream()
            .filter(h -> lab().hypervisorState(h.name()).domains().containsKey("f-rerun"))
            .count();
    assertThat(domains).isEqualTo(1);
    assertThat(lab().hypervisorState(host).ovsPorts()).containsValue(port.path("id").asText());

    JsonNode gone = run("instance-delete", Map.of("name", "f-rerun"));
    assertThat(gone.path("status").asText()).as(gone.toString()).isEqualTo("succeeded");
    assertThat(ports(net).path("used").asLong()).isEqualTo(usedBefore);
  }

  JsonNode ports(long network) {
    return admin().get("/api/v1/networks/" + network + "/ports").body();
  }

  /** The one port bound to the instance; fails if there are none or several. */
  JsonNode portOf(long network, String instance) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode p : ports(network).path("ports")) {
      if (instance.equals(p.path("instanceName").asText())) {
        found.add(p);
      }
    }
    assertThat(found).as("ports of " + instance).hasSize(1);
    return found.getFirst();
  }

  @Test
  @Order(6)
  @DisplayName("50 concurrent spawns on one pair: distinct IPs, no over-commit, batched sessions")
  void burst() {
    PAIR.forEach(l -> lab().switchState(l).resetCounters());
    long net = networkId("sha-prod");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      ids.add(start("instance-spawn", vm(String.format("burst-%02d", i), "networkId", net)));
    }
    List<Long> millis = new ArrayList<>();
    for (String id : ids) {
      JsonNode run = awaitEnd(id);
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      millis.add(durationMillis(run));
    }
    Set<String> ips = new HashSet<>();
    int burst = 0;
    for (JsonNode i : admin().get("/api/v1/instances").body()) {
      if (i.path("name").asText().startsWith("burst-")) {
        burst++;
        assertThat(ips.add(i.path("ip").asText())).as("duplicate IP " + i).isTrue();
      }
    }
    assertThat(burst).isEqualTo(50);
    for (Hypervisor h : hypervisors.list()) {
      long[] reserved = placements.reserved(h.id());
      assertThat(reserved[0])
          .isLessThanOrEqualTo((long) Math.floor(h.cpuCores() * h.cpuOvercommit().doubleValue()));
      assertThat((long) lab().hypervisorState(h.name()).allocatedVcpus())
          .isLessThanOrEqualTo((long) Math.floor(h.cpuCores() * h.cpuOvercommit().doubleValue()));
    }
    int sessions = PAIR.stream().mapToInt(l -> lab().switchState(l).configSessionCount()).sum();
    millis.sort(null);
    System.out.printf(
        "spawn figures: 50 concurrent spawns opened %d config sessions on %s; spawn time median"
            + " %d ms, max %d ms%n",
        sessions, PAIR, millis.get(millis.size() / 2), millis.get(millis.size() - 1));
    // Without coalescing each spawn would open one session per leaf: 100.
    assertThat(sessions).isGreaterThan(0).isLessThan(50);
  }

  @Test
  @Order(7)
  @DisplayName("a worker restarted mid-spawn and the spawn completes")
  void workerRestart() {
    lab().faults().inject("hypervisors", new Fault.Latency(Duration.ofMillis(400)));
    String id = start("instance-spawn", vm("vm-restart"));
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!admin().get("/api/v1/runs/" + id).raw().contains("define-start")
        && Instant.now().isBefore(deadline)) {
      sleep(50);
    }
    workers.stop();
    sleep(500);
    lab().faults().clearAll();
    workers.start();
    JsonNode run = awaitEnd(id);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(instance("vm-restart").path("state").asText()).isEqualTo("active");
  }

  @Test
  @Order(8)
  @DisplayName(
      "a spawn requested outside its site's window waits visibly and proceeds at the opening")
  void waitsForTheSiteWindow() {
    var later = OffsetDateTime.now(java.time.ZoneOffset.UTC).plusHours(3);
    var created =
        admin()
            .post(
                "/api/v1/windows",
                Map.of(
                    "name",
                    "sha-maintenance",
                    "scopes",
                    List.of("site:sha"),
                    "cron",
                    later.getMinute() + " " + later.getHour() + " * * *",
                    "durationMinutes",
                    30,
                    "zone",
                    "UTC"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    long window = created.body().path("id").asLong();
    try {
      String id = start("instance-spawn", vm("vm-windowed"));
      JsonNode waiting = awaitEnd(id);
      assertThat(waiting.path("status").asText()).as(waiting.toString()).isEqualTo("waiting");
      assertThat(waiting.path("progress").path("waitingForWindow").path("waitingFor").asText())
          .isEqualTo("window sha-maintenance");
      assertThat(waiting.path("progress").path("waitingForWindow").path("step").asText())
          .isEqualTo("define-start");

      // The window opens now: an operator moves it, and the change reaches the waiting run.
      var moved =
          admin()
              .send(
                  "PUT",
                  "/api/v1/windows/" + window,
                  Map.of(
                      "name", "sha-maintenance",
                      "scopes", List.of("site:sha"),
                      "cron", "* * * * *",
                      "durationMinutes", 30,
                      "zone", "UTC"));
      assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
      JsonNode run = admin().get("/api/v1/runs/" + id).body();
      while (!run.path("status").asText().equals("succeeded") && Instant.now().isBefore(deadline)) {
        sleep(100);
        run = admin().get("/api/v1/runs/" + id).body();
      }
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      assertThat(instance("vm-windowed").path("state").asText()).isEqualTo("active");
    } finally {
      admin().send("DELETE", "/api/v1/windows/" + window, null);
    }
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
