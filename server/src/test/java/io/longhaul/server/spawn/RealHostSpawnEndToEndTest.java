package io.longhaul.server.spawn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.server.support.LabServerTestBase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Spawn, retry, abort and delete as a user does them — runs through the API — with the instance
 * placed on a real KVM host: libvirt + QEMU (TCG) + Open vSwitch behind OpenSSH on loopback (the
 * drivers' {@code stack.sh}), entered in site sha's inventory as an admin would (management
 * network, an ed25519 {@code ssh-key} credential scoped to it, its host key trusted through {@code
 * /api/v1/host-keys}, declared links to the lab's leaf pair). The leaves stay the lab's. The guest
 * boots from its overlay over the golden image and reports the hostname and address of its seed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Instance spawn on a real libvirt/QEMU/OVS host behind OpenSSH")
class RealHostSpawnEndToEndTest extends LabServerTestBase {
  static final Path SCRIPT = Path.of("../drivers/src/test/realstack/stack.sh").toAbsolutePath();
  static final Path DIR = Path.of("target/realstack-spawn").toAbsolutePath();
  static final String HOST = "sha-real1";
  static int sshPort;

  @Autowired HypervisorRepository hypervisors;

  @BeforeAll
  static void startStack() throws IOException {
    String check = sh("sh", SCRIPT.toString(), "check");
    if (!check.isBlank()) {
      if ("required".equals(System.getenv("LONGHAUL_REAL_STACK"))) {
        Assertions.fail("the real stack is required but unavailable: " + check);
      }
      Assumptions.abort("real stack unavailable, skipped: " + check);
    }
    Files.createDirectories(DIR);
    try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      sshPort = s.getLocalPort();
    }
    String started = sh("sh", SCRIPT.toString(), "start", DIR.toString(), String.valueOf(sshPort));
    assertThat(Files.exists(DIR.resolve("env"))).as(started).isTrue();
    // what an interrupted earlier run may have left on this machine, removed as an operator would
    for (String name : List.of("vm-real", "vm-retry", "vm-abort")) {
      sh(
          "sh",
          "-c",
          "virsh -c qemu:///system destroy "
              + name
              + "; virsh -c qemu:///system"
              + " undefine "
              + name
              + "; for v in $(virsh -c qemu:///system vol-list --pool longhaul"
              + " | awk '{print $1}' | grep '^"
              + name
              + "-'); do virsh -c qemu:///system vol-delete"
              + " --pool longhaul $v; done; true");
    }
  }

  @AfterAll
  static void stopStack() {
    sh("sh", SCRIPT.toString(), "stop", DIR.toString());
  }

  /** A command on this machine (the real host is this machine); its output when it failed. */
  static String sh(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "no end within 180 s: " + String.join(" ", command);
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return p.exitValue() == 0 ? "" : "exit " + p.exitValue() + ": " + out;
    } catch (IOException e) {
      return e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  static String out(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    p.waitFor(60, TimeUnit.SECONDS);
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  static String virsh(String args) throws IOException, InterruptedException {
    return out("sh", "-c", "virsh -c qemu:///system " + args + " 2>&1");
  }

  JsonNode instance(String name) {
    for (JsonNode i : admin().get("/api/v1/instances?site=sha").body()) {
      if (i.path("name").asText().equals(name)) {
        return i;
      }
    }
    return null;
  }

  JsonNode awaitRun(String id, Predicate<JsonNode> done) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
    JsonNode run = admin().get("/api/v1/runs/" + id).body();
    while (!done.test(run) && Instant.now().isBefore(deadline)) {
      sleep(250);
      run = admin().get("/api/v1/runs/" + id).body();
    }
    assertThat(done.test(run)).as(run.toString()).isTrue();
    return run;
  }

  static Map<String, Object> vm(String name) {
    var p = new HashMap<String, Object>();
    p.put("site", "sha");
    p.put("name", name);
    p.put("vcpus", 1);
    p.put("memoryMiB", 128);
    p.put("networkLabel", "web");
    return p;
  }

  long id(JsonNode list, String field, String value) {
    for (JsonNode n : list) {
      if (n.path(field).asText().equals(value)) {
        return n.path("id").asLong();
      }
    }
    throw new AssertionError("no " + value + " in " + list);
  }

  @Test
  @Order(1)
  @DisplayName("an admin enters the real host: network, key credential, host key, links")
  void enterTheHost() throws IOException {
    var admin = admin();
    long site = id(admin.get("/api/v1/sites").body(), "code", "sha");
    var networks = new ArrayList<String>();
    admin
        .get("/api/v1/sites/" + site + "/mgmt-networks")
        .body()
        .path("cidrs")
        .forEach(c -> networks.add(c.asText()));
    networks.add("127.0.0.1/32");
    var put = admin.put("/api/v1/sites/" + site + "/mgmt-networks", Map.of("cidrs", networks));
    assertThat(put.status()).as(put.raw()).isEqualTo(200);
    String key = Files.readString(DIR.resolve("ssh/id_ed25519"));
    var credential =
        admin.post(
            "/api/v1/credentials",
            Map.of("name", "real-root", "kind", "ssh-key", "username", "root", "secret", key));
    assertThat(credential.status()).as(credential.raw()).isEqualTo(201);
    long credentialId = credential.body().path("id").asLong();
    var scope =
        admin.put(
            "/api/v1/credentials/" + credentialId + "/scope",
            Map.of(
                "siteId", site, "kinds", List.of("hypervisor"), "cidrs", List.of("127.0.0.1/32")));
    assertThat(scope.status()).as(scope.raw()).isEqualTo(200);
    String hostKey = Files.readString(DIR.resolve("ssh/host_ed25519.pub")).strip();
    var trusted =
        admin.put(
            "/api/v1/host-keys", Map.of("host", "127.0.0.1", "port", sshPort, "key", hostKey));
    assertThat(trusted.status()).as(trusted.raw()).isEqualTo(200);
    var hv =
        admin.post(
            "/api/v1/hypervisors",
            Map.of(
                "siteId",
                site,
                "name",
                HOST,
                "address",
                "127.0.0.1",
                "sshPort",
                sshPort,
                "credentialId",
                credentialId,
                "cpuCores",
                2,
                "memoryMb",
                4096,
                "maintenance",
                false));
    assertThat(hv.status()).as(hv.raw()).isEqualTo(201);
    long hvId = hv.body().path("id").asLong();
    // cabled where the lab's sha-hv08 is (it goes into maintenance below), so the leaves see
    // the ports up; discovery never ran here, so the lab's hosts have no links to clash with
    JsonNode switches = admin.get("/api/v1/switches").body();
    for (var link : List.of(List.of("eth0", "sha-leaf1"), List.of("eth1", "sha-leaf2"))) {
      var l =
          admin.post(
              "/api/v1/host-links",
              Map.of(
                  "hypervisorId",
                  hvId,
                  "nic",
                  link.get(0),
                  "switchId",
                  id(switches, "name", link.get(1)),
                  "interfaceName",
                  "Ethernet1/8"));
      assertThat(l.status()).as(l.raw()).isEqualTo(201);
    }
    // every other host of the site is in maintenance: placement has the real one only
    for (Hypervisor h : hypervisors.list()) {
      if (h.name().startsWith("sha-hv")) {
        hypervisors.update(
            h.id(),
            new Hypervisor.Spec(
                h.siteId(),
                h.name(),
                h.address(),
                h.sshPort(),
                h.credentialId(),
                h.cpuCores(),
                h.memoryMb(),
                h.cpuOvercommit(),
                h.memoryOvercommit(),
                true));
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName("a spawn boots the guest from its image, named and addressed by its seed")
  void spawnBoots() throws Exception {
    JsonNode run = awaitSettled(start("instance-spawn", vm("vm-real")));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    JsonNode vm = instance("vm-real");
    assertThat(vm.path("hypervisor").asText()).isEqualTo(HOST);
    assertThat(vm.path("state").asText()).isEqualTo("active");
    assertThat(virsh("domstate vm-real")).contains("running");
    assertThat(virsh("vol-list --pool longhaul")).contains("vm-real-").contains("-seed.iso");
    String ip = vm.path("ip").asText();
    Path console = Path.of("/var/log/libvirt/qemu/vm-real-console.log");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(150));
    String seen = "";
    while (!seen.contains("longhaul-guest: eth0 " + ip + "/") && Instant.now().isBefore(deadline)) {
      sleep(500);
      seen = Files.exists(console) ? Files.readString(console, StandardCharsets.ISO_8859_1) : "";
    }
    assertThat(seen)
        .contains("BOOT_IMAGE=vmlinuz")
        .contains("longhaul-guest: hostname vm-real")
        .contains("longhaul-guest: eth0 " + ip + "/");
  }

  @Test
  @Order(3)
  @DisplayName("a start that fails (bridge gone) parks; mended and retried, the spawn succeeds")
  void retryAfterFailedStart() throws Exception {
    assertThat(sh("ovs-vsctl", "--timeout=5", "del-br", "br-int")).isEmpty();
    String id;
    try {
      id = start("instance-spawn", vm("vm-retry"));
      JsonNode parked = awaitRun(id, r -> r.path("status").asText().equals("needs_attention"));
      assertThat(parked.path("pending").get(0).path("step").asText()).isEqualTo("define-start");
      assertThat(parked.path("pending").get(0).path("errorMessage").asText()).contains("br-int");
    } finally {
      sh(
          "ovs-vsctl",
          "--timeout=5",
          "--may-exist",
          "add-br",
          "br-int",
          "--",
          "set",
          "bridge",
          "br-int",
          "datapath_type=netdev");
    }
    var retry =
        admin()
            .post(
                "/api/v1/runs/" + id + "/retry-step",
                Map.of("step", "define-start", "target", HOST, "reason", "bridge back"));
    assertThat(retry.status()).as(retry.raw()).isEqualTo(202);
    JsonNode run = awaitSettled(id);
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
    assertThat(virsh("domstate vm-retry")).contains("running");
  }

  @Test
  @Order(4)
  @DisplayName("an aborted spawn leaves no domain and no volume on the host")
  void abortLeavesNothing() throws Exception {
    assertThat(sh("ovs-vsctl", "--timeout=5", "del-br", "br-int")).isEmpty();
    String id;
    try {
      id = start("instance-spawn", vm("vm-abort"));
      awaitRun(id, r -> r.path("status").asText().equals("needs_attention"));
      assertThat(virsh("vol-list --pool longhaul")).contains("vm-abort-");
      var abort =
          admin()
              .post(
                  "/api/v1/runs/" + id + "/abort",
                  Map.of("step", "define-start", "target", HOST, "reason", "not today"));
      assertThat(abort.status()).as(abort.raw()).isEqualTo(202);
      JsonNode run = awaitRun(id, r -> r.path("status").asText().equals("aborted"));
      assertThat(run.path("status").asText()).isEqualTo("aborted");
    } finally {
      sh(
          "ovs-vsctl",
          "--timeout=5",
          "--may-exist",
          "add-br",
          "br-int",
          "--",
          "set",
          "bridge",
          "br-int",
          "datapath_type=netdev");
    }
    assertThat(virsh("domstate vm-abort")).contains("failed to get domain");
    assertThat(virsh("vol-list --pool longhaul")).doesNotContain("vm-abort-");
    assertThat(instance("vm-abort")).isNull();
  }

  @Test
  @Order(5)
  @DisplayName("a delete destroys and undefines the domains and removes their volumes")
  void delete() throws Exception {
    for (String name : List.of("vm-real", "vm-retry")) {
      JsonNode run = awaitSettled(start("instance-delete", Map.of("name", name)));
      assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
      assertThat(virsh("domstate " + name)).contains("failed to get domain");
      assertThat(virsh("vol-list --pool longhaul")).doesNotContain(name + "-");
      assertThat(instance(name)).isNull();
    }
    assertThat(virsh("vol-list --pool longhaul")).contains("longhaul-base.qcow2");
  }
}
