package io.longhaul.drivers.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.DomainOwner;
import io.longhaul.drivers.capability.DomainSpec;
import io.longhaul.drivers.capability.Hypervisor;
import io.longhaul.drivers.transport.ssh.ExecResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The KVM hypervisor driver's contract: the cases a spawn, its retry, its abort and a delete rely
 * on. Each stack (the lab, real libvirt + QEMU + Open vSwitch behind OpenSSH) runs every case.
 */
abstract class HypervisorContract {
  static final String IFACE = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

  /** The driver under test, logged in to the stack's host. */
  abstract Hypervisor hypervisor();

  /** A command on the host, over the same SSH login (as an operator at the host would type it). */
  abstract ExecResult sh(String command, byte[] stdin);

  ExecResult sh(String command) {
    return sh(command, null);
  }

  /** Stops or starts ovs-vswitchd alone; ovsdb-server stays up. */
  abstract void vswitchd(boolean up);

  /** Makes the host one without usable KVM; the real stack is one already. */
  abstract void withoutKvm();

  /** Undoes {@link #withoutKvm()} where it changed anything. */
  abstract void restoreKvm();

  /** The transport's per-command timeout. */
  abstract Duration commandTimeout();

  static DomainSpec spec(String name, String tap, String bridge, DomainOwner owner) {
    return new DomainSpec(
        name, 64, 1, List.of(new DomainSpec.Nic("52:54:00:10:20:31", tap, IFACE, bridge)), owner);
  }

  static DomainOwner owner(String change, String instance) {
    return new DomainOwner("run-" + change, change, instance);
  }

  /** Removes a test's domain whatever state it is in (cleanup, as an operator would). */
  void scrub(String domain) {
    sh("virsh -c qemu:///system destroy " + domain);
    sh("virsh -c qemu:///system undefine " + domain);
  }

  @Test
  @DisplayName("define, start, plug, verify, destroy, undefine — each repeated without harm")
  void lifecycle() {
    var hv = hypervisor();
    var owner = owner("c-life", "ct-life");
    var spec = spec("ct-life", "tapCtLife0", "br-int", owner);
    scrub("ct-life");
    try {
      hv.define(spec);
      hv.define(spec);
      hv.start("ct-life");
      hv.start("ct-life");
      assertThat(hv.dominfo("ct-life").running()).isTrue();
      var id = hv.identity("ct-life").orElseThrow();
      assertThat(id.uuid()).isEqualTo(owner.domainUuid().toString());
      assertThat(id.owner()).contains(owner);

      hv.plug("br-int", "tapCtLife0", IFACE);
      hv.plug("br-int", "tapCtLife0", IFACE);
      assertThat(hv.ports("br-int")).contains("tapCtLife0");
      assertThat(hv.ifaceId("tapCtLife0")).isEqualTo(IFACE);

      hv.destroy("ct-life", owner);
      hv.destroy("ct-life", owner);
      assertThat(hv.dominfo("ct-life").running()).isFalse();
      hv.unplug("br-int", "tapCtLife0");
      hv.unplug("br-int", "tapCtLife0");
      assertThat(hv.ports("br-int")).doesNotContain("tapCtLife0");
      hv.undefine("ct-life", owner);
      hv.undefine("ct-life", owner);
      assertThat(hv.identity("ct-life")).isEmpty();
    } finally {
      scrub("ct-life");
    }
  }

  @Test
  @DisplayName("a failed start is retried by defining again (same UUID) and starting")
  void retryAfterFailedStart() {
    var hv = hypervisor();
    var owner = owner("c-retry", "ct-retry");
    var spec = spec("ct-retry", "tapCtRetry0", "brCtRetry", owner);
    scrub("ct-retry");
    sh("ovs-vsctl --timeout=5 --if-exists del-br brCtRetry");
    try {
      hv.define(spec);
      // the bridge is missing: libvirt cannot add the tap to it, so the start fails
      assertThatThrownBy(() -> hv.start("ct-retry"))
          .isInstanceOf(DeviceException.CommandRejected.class);
      assertThat(
              sh("ovs-vsctl --timeout=5 add-br brCtRetry -- set bridge brCtRetry"
                      + " datapath_type=netdev")
                  .ok())
          .isTrue();
      // the activity's retry: define and start again
      hv.define(spec);
      hv.start("ct-retry");
      assertThat(hv.dominfo("ct-retry").running()).isTrue();
      assertThat(hv.identity("ct-retry").orElseThrow().uuid())
          .isEqualTo(owner.domainUuid().toString());
      hv.destroy("ct-retry", owner);
      hv.undefine("ct-retry", owner);
    } finally {
      scrub("ct-retry");
      sh("ovs-vsctl --timeout=5 --if-exists del-br brCtRetry");
    }
  }

  @Test
  @DisplayName(
      "a re-run of the change owns its domain; another change's define of the name is refused")
  void ownership() {
    var hv = hypervisor();
    var first = owner("c-own", "ct-own");
    scrub("ct-own");
    try {
      hv.define(spec("ct-own", "tapCtOwn0", "br-int", first));
      var rerun = new DomainOwner("run-rerun", "c-own", "ct-own");
      hv.define(spec("ct-own", "tapCtOwn0", "br-int", rerun));
      var other = owner("c-other", "ct-own");
      assertThatThrownBy(() -> hv.define(spec("ct-own", "tapCtOwn0", "br-int", other)))
          .isInstanceOfSatisfying(
              DeviceException.NotOwned.class,
              e -> {
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("belongs to change c-own");
              });
      assertThatThrownBy(() -> hv.undefine("ct-own", other))
          .isInstanceOf(DeviceException.NotOwned.class);
      hv.undefine("ct-own", rerun);
      assertThat(hv.identity("ct-own")).isEmpty();
    } finally {
      scrub("ct-own");
    }
  }

  @Test
  @DisplayName(
      "a pre-existing foreign domain of the name is never redefined, destroyed or undefined")
  void foreignDomain() {
    var hv = hypervisor();
    scrub("ct-foreign");
    String xml =
        "<domain type='qemu'><name>ct-foreign</name><memory unit='MiB'>64</memory>"
            + "<vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>";
    try {
      assertThat(
              sh("virsh -c qemu:///system define /dev/stdin", xml.getBytes(StandardCharsets.UTF_8))
                  .ok())
          .isTrue();
      String uuid = hv.identity("ct-foreign").orElseThrow().uuid();
      var mine = owner("c-foreign", "ct-foreign");
      assertThatThrownBy(() -> hv.define(spec("ct-foreign", "tapCtFor0", "br-int", mine)))
          .isInstanceOfSatisfying(
              DeviceException.NotOwned.class,
              e -> assertThat(e.getMessage()).contains("no Longhaul ownership mark"));
      assertThatThrownBy(() -> hv.destroy("ct-foreign", mine))
          .isInstanceOf(DeviceException.NotOwned.class);
      assertThatThrownBy(() -> hv.undefine("ct-foreign", mine))
          .isInstanceOf(DeviceException.NotOwned.class);
      var still = hv.identity("ct-foreign").orElseThrow();
      assertThat(still.uuid()).isEqualTo(uuid);
      assertThat(still.owner()).isEmpty();
    } finally {
      scrub("ct-foreign");
    }
  }

  @Test
  @DisplayName("on a host without KVM the domain is of type qemu, and it starts")
  void noKvm() {
    var hv = hypervisor();
    var owner = owner("c-nokvm", "ct-nokvm");
    scrub("ct-nokvm");
    withoutKvm();
    try {
      assertThat(hv.domainType()).isEqualTo("qemu");
      hv.define(spec("ct-nokvm", "tapCtNoKvm0", "br-int", owner));
      hv.start("ct-nokvm");
      assertThat(hv.dominfo("ct-nokvm").running()).isTrue();
      assertThat(hv.identity("ct-nokvm").orElseThrow().type()).isEqualTo("qemu");
      hv.destroy("ct-nokvm", owner);
      hv.undefine("ct-nokvm", owner);
    } finally {
      restoreKvm();
      scrub("ct-nokvm");
    }
  }

  @Test
  @DisplayName(
      "with ovs-vswitchd down a plug times out on the host, retryably; it succeeds once it is back")
  void vswitchdDown() {
    var hv = hypervisor();
    hv.unplug("br-int", "tapCtOvs0"); // a plug that changes nothing would not wait for vswitchd
    vswitchd(false);
    try {
      long start = System.nanoTime();
      assertThatThrownBy(() -> hv.plug("br-int", "tapCtOvs0", IFACE))
          .isInstanceOfSatisfying(
              DeviceException.TimedOut.class,
              e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).contains("ovs-vswitchd did not apply the change");
              });
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(took).isLessThan(commandTimeout());
      // nothing left waiting on the host
      assertThat(sh("pgrep -x ovs-vsctl").stdout()).isBlank();
    } finally {
      vswitchd(true);
    }
    hv.plug("br-int", "tapCtOvs0", IFACE);
    assertThat(hv.ifaceId("tapCtOvs0")).isEqualTo(IFACE);
    hv.unplug("br-int", "tapCtOvs0");
  }
}
