package io.longhaul.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.lab.topology.Topology;
import io.longhaul.lab.topology.TopologyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A lab started again from the same state dir has the devices' state it had (kill or close). */
@DisplayName("Lab state across restarts")
class LabStateTest {

  @Test
  @DisplayName(
      "domains, OVS ports, VLANs, VNIs, trunks and the running config come back from the state dir")
  void keepsState() throws Exception {
    Path dir = Files.createTempDirectory("lab-state");
    LabOptions options = LabOptions.defaults().withStateDir(dir).withAdminPort(-1);
    String nxos;
    String eos;
    String startup;
    try (Lab lab = Lab.start(Topology.demo(), options)) {
      assertThat(lab.restoredState()).isEmpty();
      try (Ssh ssh = new Ssh(lab, "sha-hv01")) {
        assertThat(
                ssh.exec(
                        "virsh define /dev/stdin",
                        LabTest.Hypervisors.xml("vm1", 2, 2048, "tap1", "p-1"))
                    .exit())
            .isZero();
        assertThat(ssh.exec("virsh start vm1").exit()).isZero();
        assertThat(
                ssh.exec(
                        "virsh vol-create-as longhaul vm1-disk.qcow2 32M --format qcow2"
                            + " --backing-vol longhaul-base.qcow2 --backing-vol-format qcow2")
                    .exit())
            .isZero();
        assertThat(
                ssh.exec(
                        "ovs-vsctl --may-exist add-port br-int tapx -- set Interface tapx"
                            + " external_ids:iface-id=p-x")
                    .exit())
            .isZero();
      }
      try (Ssh ssh = new Ssh(lab, "sha-leaf1");
          var sh = ssh.shell()) {
        sh.send("configure terminal");
        sh.send("vlan 500");
        sh.send("vn-segment 10500");
        sh.send("interface Ethernet1/3");
        sh.send("switchport trunk allowed vlan add 500");
        sh.send("end");
        sh.send("copy running-config startup-config");
      }
      try (Ssh ssh = new Ssh(lab, "sin-leaf1");
          var sh = ssh.shell()) {
        sh.send("configure session lh1");
        sh.send("vlan 600");
        sh.send("interface Vxlan1");
        sh.send("vxlan vlan 600 vni 10600");
        sh.send("interface Ethernet2");
        sh.send("switchport trunk allowed vlan add 600");
        sh.send("commit");
        // staged, never committed: a session does not outlive its connection, nor the restart
        sh.send("configure session lh2");
        sh.send("vlan 601");
      }
      nxos = lab.switchState("sha-leaf1").runningConfig();
      startup = lab.switchState("sha-leaf1").startupConfig();
      eos = lab.switchState("sin-leaf1").runningConfig();
    }

    try (Lab lab = Lab.start(Topology.demo(), options)) {
      assertThat(lab.restoredState())
          .contains("sha-hv01: restored from " + dir.resolve("devices/sha-hv01.json"));
      var hv = lab.hypervisorState("sha-hv01");
      assertThat(hv.domains()).containsOnlyKeys("vm1");
      assertThat(hv.domains().get("vm1").running()).isTrue();
      assertThat(hv.ovsPorts()).containsEntry("tap1", "p-1").containsEntry("tapx", "p-x");
      // the boot overlay a resumed spawn starts its domain from is still in the pool
      assertThat(hv.volumes("longhaul")).contains("longhaul-base.qcow2", "vm1-disk.qcow2");
      assertThat(lab.hypervisorState("sha-hv02").domains()).isEmpty();
      var leaf = lab.switchState("sha-leaf1");
      assertThat(leaf.vlans()).containsEntry(500, 10500);
      assertThat(leaf.trunkVlans("Ethernet1/3")).containsExactly(500);
      assertThat(leaf.runningConfig()).isEqualTo(nxos);
      assertThat(leaf.startupConfig()).isEqualTo(startup).contains("vn-segment 10500");
      var sin = lab.switchState("sin-leaf1");
      assertThat(sin.vlans()).containsEntry(600, 10600).doesNotContainKey(601);
      assertThat(sin.trunkVlans("Ethernet2")).containsExactly(600);
      assertThat(sin.runningConfig()).isEqualTo(eos);
      // and the device goes on from there: the next domain gets the next id
      try (Ssh ssh = new Ssh(lab, "sha-hv01")) {
        ssh.exec("virsh define /dev/stdin", LabTest.Hypervisors.xml("vm2", 1, 512, "tap2", "p-2"));
        ssh.exec("virsh start vm2");
        assertThat(ssh.exec("virsh list").out())
            .containsPattern("(?m)^ 1 +vm1 +running")
            .containsPattern("(?m)^ 2 +vm2 +running");
      }
    }
  }

  @Test
  @DisplayName("a saved state that no longer fits the topology is not restored, and says so")
  void refusesForeignState() throws Exception {
    Path dir = Files.createTempDirectory("lab-state");
    LabOptions options = LabOptions.defaults().withStateDir(dir).withAdminPort(-1);
    Topology small = TopologyGenerator.generate(1, 2, 2);
    String leaf;
    try (Lab lab = Lab.start(small, options)) {
      leaf = lab.switchState(small.sites().getFirst().leaves().getFirst().name()).name();
    }
    // another device's state under this device's name
    Path file = dir.resolve("devices/" + leaf + ".json");
    String other =
        Files.readString(file).replace("\"name\" : \"" + leaf + "\"", "\"name\" : \"elsewhere\"");
    Files.writeString(file, other);
    try (Lab lab = Lab.start(small, options)) {
      assertThat(lab.restoredState())
          .anyMatch(l -> l.startsWith(leaf + ": saved state not restored (saved for elsewhere"));
      assertThat(lab.switchState(leaf).runningConfig()).doesNotContain("elsewhere");
    }
  }
}
