package io.longhaul.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jcraft.jsch.JSchException;
import io.longhaul.lab.fault.Fault;
import io.longhaul.lab.topology.Topology;
import io.longhaul.lab.topology.TopologyException;
import io.longhaul.lab.topology.TopologyGenerator;
import io.longhaul.lab.topology.TopologyLoader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.snmp4j.smi.VariableBinding;

@DisplayName("The lab")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabTest {
  static Lab lab;

  @BeforeAll
  void start() {
    lab = Lab.start(Topology.demo(), LabOptions.defaults());
  }

  @AfterAll
  void stop() {
    lab.close();
  }

  @AfterEach
  void clearFaults() {
    lab.faults().clearAll();
  }

  @Nested
  @DisplayName("starts the demo datacenter")
  class Demo {
    @Test
    @DisplayName(
        "with 45 devices on distinct loopback addresses and a known_hosts line per SSH device")
    void devices() throws Exception {
      assertThat(lab.devices()).hasSize(45);
      assertThat(
              lab.devices().stream()
                  .map(d -> (d.ssh() != null ? d.ssh() : d.https()).getAddress())
                  .distinct())
          .hasSize(45);
      assertThat(lab.device("sha-mesh").kind()).isEqualTo(DeviceKind.CLUSTER);
      assertThat(java.nio.file.Files.readAllLines(lab.knownHostsFile()))
          .hasSize(44)
          .allMatch(l -> l.matches("\\[127\\.77\\.\\d+\\.\\d+]:\\d+ ssh-ed25519 AAAA\\S+"));
      assertThat(lab.device("sha-leaf1").dialect()).isEqualTo("nxos");
      assertThat(lab.device("sin-leaf1").dialect()).isEqualTo("eos");
    }

    @Test
    @DisplayName("with its credentials file readable by its owner only")
    void credentialsFileOwnerOnly() throws Exception {
      var file = lab.stateDir().resolve("credentials.properties");
      assertThat(java.nio.file.Files.getPosixFilePermissions(file))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
      assertThat(java.nio.file.Files.readString(file)).contains("snmp.community=");
    }

    @Test
    @DisplayName("with stable host keys for the same seed")
    void stableKeys() throws Exception {
      LabOptions o = LabOptions.defaults().withSeed("s1").withAdminPort(-1);
      Topology t = TopologyGenerator.generate(1, 2, 2);
      String a;
      try (Lab l = Lab.start(t, o)) {
        a = l.knownHostsText().replaceAll("\\[[^ ]+ ", "");
      }
      try (Lab l = Lab.start(t, o)) {
        assertThat(l.knownHostsText().replaceAll("\\[[^ ]+ ", "")).isEqualTo(a);
      }
    }
  }

  @Nested
  @DisplayName("NX-OS switches")
  class Nxos {
    @Test
    @DisplayName("apply configuration visible in show commands and over SNMP")
    void configure() throws Exception {
      var st = lab.switchState("sha-leaf1");
      try (Ssh ssh = new Ssh(lab, "sha-leaf1");
          var sh = ssh.shell()) {
        sh.send("terminal length 0");
        sh.send("configure terminal");
        sh.send("vlan 500");
        sh.send("vn-segment 10500");
        sh.send("interface Ethernet1/3");
        sh.send("switchport trunk allowed vlan add 500");
        sh.send("end");
        assertThat(sh.send("show vlan brief"))
            .containsPattern("(?m)^500  VLAN0500 +active +Eth1/3");
        assertThat(sh.send("show running-config")).contains("vlan 500\n  vn-segment 10500");
        assertThat(sh.send("show lldp neighbors"))
            .containsPattern("sha-hv03 +Eth1/3 +120 +S +eth0");
      }
      assertThat(st.vlans()).containsEntry(500, 10500);
      assertThat(st.trunkVlans("Ethernet1/3")).containsExactly(500);
      assertThat(st.configSessionCount()).isGreaterThanOrEqualTo(1);
      try (Snmp snmp = new Snmp(lab, "sha-leaf1", false)) {
        List<VariableBinding> egress =
            snmp.walk("1.3.6.1.2.1.17.7.1.4.3.1.2").stream()
                .filter(vb -> vb.getOid().last() == 500)
                .toList();
        assertThat(egress).hasSize(1);
        byte[] bits = ((org.snmp4j.smi.OctetString) egress.getFirst().getVariable()).getValue();
        assertThat(bits[0] & 0xff).isEqualTo(0x20); // ifIndex 3
      }
    }

    @Test
    @DisplayName("rejects invalid input and changes nothing")
    void invalid() throws Exception {
      var st = lab.switchState("sha-leaf2");
      String before = st.runningConfig();
      try (Ssh ssh = new Ssh(lab, "sha-leaf2");
          var sh = ssh.shell()) {
        sh.send("configure terminal");
        assertThat(sh.send("vlan 5000"))
            .contains("% Invalid number, range is (1-4094) at '^' marker.");
        assertThat(sh.send("vlna 10")).contains("% Invalid command at '^' marker.");
        sh.send("interface Ethernet1/4");
        assertThat(sh.send("switchport trunk allowed vlan add 10-x")).contains("% Invalid");
        sh.send("end");
      }
      assertThat(st.runningConfig()).isEqualTo(before);
      assertThat(st.commandLog()).contains("vlan 5000", "vlna 10");
    }

    @Test
    @DisplayName("restores a checkpoint on rollback")
    void rollback() throws Exception {
      var st = lab.switchState("sha-leaf3");
      String before = st.runningConfig();
      try (Ssh ssh = new Ssh(lab, "sha-leaf3")) {
        assertThat(ssh.exec("checkpoint lh-1").out()).contains("Done");
        assertThat(ssh.exec("configure terminal ; vlan 777 ; end").exit()).isZero();
        assertThat(st.vlans()).containsKey(777);
        assertThat(ssh.exec("rollback running-config checkpoint lh-1").out())
            .contains("Rollback completed successfully.");
      }
      assertThat(st.runningConfig()).isEqualTo(before);
    }
  }

  @Nested
  @DisplayName("NX-OS checkpoints")
  class Checkpoints {
    @Test
    @DisplayName("keep the first checkpoint of a name and can be deleted")
    void duplicate() throws Exception {
      try (Ssh ssh = new Ssh(lab, "sha-spine2")) {
        assertThat(ssh.exec("checkpoint lh-c1").exit()).isZero();
        ssh.exec("configure terminal ; vlan 901 ; end");
        var again = ssh.exec("checkpoint lh-c1");
        assertThat(again.out()).contains("% Checkpoint name already exists");
        assertThat(again.exit()).isEqualTo(1);
        ssh.exec("rollback running-config checkpoint lh-c1");
        assertThat(lab.switchState("sha-spine2").vlans()).doesNotContainKey(901);
        assertThat(ssh.exec("no checkpoint lh-c1").exit()).isZero();
        assertThat(ssh.exec("rollback running-config checkpoint lh-c1").exit()).isEqualTo(1);
      }
    }
  }

  @Nested
  @DisplayName("EOS switches")
  class Eos {
    @Test
    @DisplayName("re-enter a pending session with its changes")
    void pending() throws Exception {
      try (Ssh ssh = new Ssh(lab, "sin-spine1");
          var sh = ssh.shell()) {
        sh.send("configure session stale");
        sh.send("vlan 700");
        sh.send("end");
        assertThat(lab.switchState("sin-spine1").vlans()).doesNotContainKey(700);
        sh.send("configure session stale");
        assertThat(sh.send("show session-config diffs")).contains("+vlan 700");
        sh.send("abort");
      }
      assertThat(lab.switchState("sin-spine1").vlans()).doesNotContainKey(700);
    }

    @Test
    @DisplayName("stage changes in a session and apply them only at commit")
    void commit() throws Exception {
      var st = lab.switchState("sin-leaf1");
      try (Ssh ssh = new Ssh(lab, "sin-leaf1");
          var sh = ssh.shell()) {
        sh.send("configure session lh1");
        sh.send("vlan 600");
        sh.send("interface Vxlan1");
        sh.send("vxlan vlan 600 vni 10600");
        sh.send("interface Ethernet2");
        sh.send("switchport trunk allowed vlan add 600");
        assertThat(st.vlans()).doesNotContainKey(600);
        assertThat(sh.send("show session-config diffs"))
            .contains("+vlan 600", "+   vxlan vlan 600 vni 10600");
        sh.send("commit");
        assertThat(sh.send("show vlan")).containsPattern("(?m)^600 +VLAN0600 +active +Et2, Vx1");
        assertThat(sh.send("show interfaces status"))
            .containsPattern("(?m)^Et2 +sin-hv02 eth0 +connected +trunk");
      }
      assertThat(st.vlans()).containsEntry(600, 10600);
      assertThat(st.trunkVlans("Ethernet2")).containsExactly(600);
      assertThat(st.commitCount()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("discard a session on abort, and reject invalid input")
    void abort() throws Exception {
      var st = lab.switchState("sin-leaf2");
      String before = st.runningConfig();
      try (Ssh ssh = new Ssh(lab, "sin-leaf2");
          var sh = ssh.shell()) {
        sh.send("configure session lh2");
        sh.send("vlan 601");
        assertThat(sh.send("vlan 9999")).contains("% Invalid input");
        assertThat(sh.send("bogus")).contains("% Invalid input");
        sh.send("abort");
      }
      assertThat(st.runningConfig()).isEqualTo(before);
    }
  }

  @Nested
  @DisplayName("SNMP agents")
  class SnmpAgents {
    @Test
    @DisplayName("walk ifTable, LLDP and Q-BRIDGE with GETBULK in v2c and v3")
    void walks() throws Exception {
      for (boolean v3 : new boolean[] {false, true}) {
        try (Snmp snmp = new Snmp(lab, "sha-leaf1", v3)) {
          List<VariableBinding> descr = snmp.walk("1.3.6.1.2.1.2.2.1.2");
          assertThat(descr).hasSize(54);
          assertThat(descr.getFirst().getVariable().toString()).isEqualTo("Ethernet1/1");
          List<VariableBinding> rem = snmp.walk("1.0.8802.1.1.2.1.4.1.1.9");
          assertThat(rem)
              .extracting(vb -> vb.getVariable().toString())
              .contains("sha-hv01", "sha-spine1", "sha-spine2");
          assertThat(snmp.walk("1.0.8802.1.1.2.1.4.1.1.7.0.1"))
              .extracting(vb -> vb.getVariable().toString())
              .containsExactly("eth0");
          assertThat(snmp.walk("1.3.6.1.2.1.17.7.1.4.3.1.1"))
              .extracting(vb -> vb.getOid().last())
              .contains(1, 100, 110, 200, 300);
        }
      }
    }

    @Test
    @DisplayName("stay silent for a switch that is down")
    void down() throws Exception {
      lab.faults().inject("sha-spine1", new Fault.Down());
      try (Snmp snmp = new Snmp(lab, "sha-spine1", false)) {
        snmp.timeout(300);
        assertThat(snmp.walk("1.3.6.1.2.1.2.2.1.2")).isNull();
      }
    }
  }

  @Nested
  @DisplayName("hypervisors")
  class Hypervisors {
    static String xml(String name, int vcpu, int memMb, String tap, String port) {
      return "<domain type='kvm'><name>"
          + name
          + "</name><memory unit='MiB'>"
          + memMb
          + "</memory><vcpu>"
          + vcpu
          + "</vcpu><devices><interface type='bridge'><mac address='52:54:00:aa:bb:cc'/><source bridge='br-int'/>"
          + "<virtualport type='openvswitch'><parameters interfaceid='"
          + port
          + "'/></virtualport><target dev='"
          + tap
          + "'/></interface></devices></domain>";
    }

    @Test
    @DisplayName("define, start and list domains and plug their OVS ports")
    void lifecycle() throws Exception {
      try (Ssh ssh = new Ssh(lab, "sha-hv01")) {
        var d = ssh.exec("virsh define /dev/stdin", xml("vm1", 2, 2048, "tap1", "port-1"));
        assertThat(d.out()).contains("Domain 'vm1' defined from /dev/stdin");
        assertThat(ssh.exec("virsh start vm1").exit()).isZero();
        assertThat(ssh.exec("virsh list --all").out()).containsPattern("(?m)^ 1 +vm1 +running");
        assertThat(ssh.exec("ovs-vsctl get Interface tap1 external_ids:iface-id").out())
            .isEqualTo("\"port-1\"\n");
        var missing = ssh.exec("virsh start nope");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("error: failed to get domain 'nope'");
      }
      assertThat(lab.hypervisorState("sha-hv01").ovsPorts()).containsEntry("tap1", "port-1");
    }

    @Test
    @DisplayName("refuse to start a domain beyond the over-commit limits")
    void overcommit() throws Exception {
      // sha-hv16: 16 cores, 128 GiB, over-commit 1.0
      try (Ssh ssh = new Ssh(lab, "sha-hv16")) {
        ssh.exec("virsh define /dev/stdin", xml("big", 12, 4096, "tapb", "p-b"));
        ssh.exec("virsh define /dev/stdin", xml("big2", 8, 4096, "tapc", "p-c"));
        assertThat(ssh.exec("virsh start big").exit()).isZero();
        var r = ssh.exec("virsh start big2");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("error: Failed to start domain 'big2'");
      }
    }

    @Test
    @DisplayName("lose running VMs' OVS ports when openvswitch-switch restarts, until re-plugged")
    void ovsRestart() throws Exception {
      try (Ssh ssh = new Ssh(lab, "sin-hv01")) {
        ssh.exec("virsh define /dev/stdin", xml("vm9", 1, 1024, "tap9", "port-9"));
        ssh.exec("virsh start vm9");
        assertThat(ssh.exec("ovs-vsctl list-ports br-int").out()).contains("tap9");
        ssh.exec("systemctl restart openvswitch-switch");
        assertThat(ssh.exec("ovs-vsctl list-ports br-int").out()).doesNotContain("tap9");
        ssh.exec(
            "ovs-vsctl --may-exist add-port br-int tap9 -- set Interface tap9 external_ids:iface-id=port-9");
        assertThat(lab.hypervisorState("sin-hv01").ovsPorts()).containsEntry("tap9", "port-9");
      }
    }
  }

  @Nested
  @DisplayName("faults")
  class Faults {
    @Test
    @DisplayName("refuse authentication")
    void authRefused() {
      lab.faults().inject("sha-hv02", new Fault.AuthRefused());
      assertThatThrownBy(() -> new Ssh(lab, "sha-hv02").close()).isInstanceOf(JSchException.class);
    }

    @Test
    @DisplayName("close connections of a device that is down")
    void down() {
      lab.faults().inject("hypervisors", new Fault.Down());
      assertThatThrownBy(
              () -> {
                try (Ssh s = new Ssh(lab, "sha-hv03")) {
                  s.exec("virsh list --all");
                }
              })
          .isInstanceOf(Exception.class);
    }

    @Test
    @DisplayName("fail a chosen command with the dialect's error, without it reaching the device")
    void commandFails() throws Exception {
      lab.faults().inject("sin-leaf3", new Fault.CommandFails("vlan"));
      try (Ssh ssh = new Ssh(lab, "sin-leaf3");
          var sh = ssh.shell()) {
        sh.send("configure session x");
        assertThat(sh.send("vlan 42")).contains("% Invalid input");
        sh.send("commit");
      }
      assertThat(lab.switchState("sin-leaf3").vlans()).doesNotContainKey(42);
    }

    @Test
    @DisplayName("garble output and drop connections mid-command")
    void garbageAndDrop() throws Exception {
      try (Ssh ssh = new Ssh(lab, "sha-leaf4")) {
        lab.faults().inject("sha-leaf4", new Fault.Garbage());
        assertThat(ssh.exec("show vlan brief").out()).doesNotContain("VLAN Name");
        lab.faults().clearAll();
        lab.faults().inject("sha-leaf4", new Fault.DropMidCommand());
        var r = ssh.exec("show vlan brief");
        assertThat(r.exit()).isNotZero();
      }
    }

    @Test
    @DisplayName("hang until cleared")
    void hang() throws Exception {
      lab.faults().inject("sha-hv04", new Fault.Hang());
      try (Ssh ssh = new Ssh(lab, "sha-hv04")) {
        var later =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return ssh.exec("hostname").out();
                  } catch (Exception e) {
                    throw new RuntimeException(e);
                  }
                });
        Thread.sleep(300);
        assertThat(later).isNotDone();
        lab.faults().clear("sha-hv04");
        assertThat(later.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("sha-hv04\n");
      }
    }

    @Test
    @DisplayName("flap a link's oper status")
    void flap() throws Exception {
      lab.faults().inject("sha-leaf1", new Fault.LinkFlap("Ethernet1/5", Duration.ofMillis(200)));
      boolean sawDown = false;
      boolean sawUp = false;
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!(sawDown && sawUp) && System.nanoTime() < deadline) {
        boolean up = lab.switchState("sha-leaf1").interfaces().get(4).operUp();
        sawDown |= !up;
        sawUp |= up;
        Thread.sleep(50);
      }
      assertThat(sawDown && sawUp).isTrue();
    }
  }

  @Nested
  @DisplayName("cabling")
  class Cables {
    @Test
    @DisplayName("moves a cable so LLDP on both switches changes")
    void moveCable() throws Exception {
      lab.moveCable("sin-hv08", "eth1", "sin-leaf1", "Ethernet40");
      try (Ssh ssh = new Ssh(lab, "sin-leaf1")) {
        assertThat(ssh.exec("show lldp neighbors").out())
            .containsPattern("(?m)^Et40 +sin-hv08 +eth1");
      }
      try (Ssh ssh = new Ssh(lab, "sin-leaf2")) {
        assertThat(ssh.exec("show lldp neighbors").out()).doesNotContainPattern("(?m)^Et8 ");
      }
    }
  }

  @Nested
  @DisplayName("admin API")
  class Admin {
    @Test
    @DisplayName("needs the bearer token and injects faults")
    void api() throws Exception {
      HttpClient http = HttpClient.newHttpClient();
      URI base = lab.adminUri();
      var noAuth =
          http.send(
              HttpRequest.newBuilder(base.resolve("devices")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(noAuth.statusCode()).isEqualTo(401);
      var post =
          http.send(
              HttpRequest.newBuilder(base.resolve("faults"))
                  .header("Authorization", "Bearer " + lab.adminToken())
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"target\":\"sha-leaf1\",\"type\":\"latency\",\"latencyMs\":50}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(201);
      assertThat(lab.faults().latency("sha-leaf1")).isEqualTo(Duration.ofMillis(50));
      var devices =
          http.send(
              HttpRequest.newBuilder(base.resolve("devices"))
                  .header("Authorization", "Bearer " + lab.adminToken())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(devices.body()).contains("\"name\" : \"sin-hv16\"");
    }
  }

  @Nested
  @DisplayName("topology loading")
  class Loading {
    @Test
    @DisplayName("reports line and column of a bad value")
    void badDialect() {
      String yaml =
          "sites:\n  - code: x\n    switches:\n      - {name: a, role: leaf, dialect: ios, leafPair: p}\n";
      assertThatThrownBy(() -> TopologyLoader.fromYaml(yaml, "t.yaml"))
          .isInstanceOf(TopologyException.class)
          .hasMessageContaining("t.yaml:4:")
          .hasMessageContaining("unknown dialect 'ios'");
    }

    @Test
    @DisplayName("reports broken YAML and unknown switches")
    void broken() {
      assertThatThrownBy(() -> TopologyLoader.fromYaml("sites: [\n", "b.yaml"))
          .hasMessageContaining("b.yaml:")
          .hasMessageContaining("invalid YAML");
      String yaml =
          "sites:\n  - code: x\n    hypervisors:\n      - name: h\n        cpuCores: 4\n        memoryMb: 4096\n        nics:\n          - {nic: eth0, switch: nope, interface: Ethernet1}\n";
      assertThatThrownBy(() -> TopologyLoader.fromYaml(yaml, "c.yaml"))
          .hasMessageContaining("c.yaml:8:")
          .hasMessageContaining("unknown switch 'nope'");
    }

    @Test
    @DisplayName("generates scale topologies")
    void generate() {
      Topology t = TopologyGenerator.generate(1, 40, 500);
      assertThat(t.hypervisors().count()).isEqualTo(500);
      assertThat(t.switches().filter(s -> s.isLeaf()).count()).isEqualTo(40);
    }
  }
}
