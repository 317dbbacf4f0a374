package io.longhaul.drivers.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.BootDisk;
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

  static final String POOL = "longhaul";
  static final String BASE = "longhaul-base.qcow2";

  static DomainSpec bootable(String name, String tap, DomainOwner owner, String address) {
    return new DomainSpec(
        name,
        128,
        1,
        List.of(new DomainSpec.Nic("52:54:00:10:20:32", tap, IFACE, "br-int")),
        owner,
        new BootDisk(POOL, BASE, name, address, null));
  }

  /** The guest's console once it shows {@code line}; fails after {@code patience}. */
  static String awaitConsole(Hypervisor hv, String domain, String line, Duration patience)
      throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    String console = hv.console(domain);
    while (!console.contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      console = hv.console(domain);
    }
    assertThat(console).as("console of " + domain).contains(line);
    return console;
  }

  @Test
  @DisplayName(
      "a guest boots from its overlay over the golden image and takes its hostname and address"
          + " from the NoCloud seed; its volumes go with it")
  void bootsFromItsImage() throws InterruptedException {
    var hv = hypervisor();
    var owner = owner("c-boot", "ct-boot");
    var spec = bootable("ct-boot", "tapCtBoot0", owner, "10.77.0.5/24");
    scrub("ct-boot");
    try {
      hv.createVolumes(spec);
      hv.createVolumes(spec); // a retry keeps the overlay and writes the same seed
      assertThat(hv.volumes(POOL))
          .contains(BASE, BootDisk.overlay("ct-boot", owner), BootDisk.seed("ct-boot", owner));
      hv.define(spec);
      hv.start("ct-boot");
      String console =
          awaitConsole(hv, "ct-boot", "longhaul-guest: eth0 10.77.0.5/24", Duration.ofSeconds(150));
      assertThat(console)
          .contains("longhaul-guest: userspace reached")
          // SYSLINUX, the image's boot loader, loaded the kernel from the overlay
          .contains("BOOT_IMAGE=vmlinuz")
          .contains("longhaul-guest: hostname ct-boot");
      hv.destroy("ct-boot", owner);
      hv.undefine("ct-boot", owner);
      hv.deleteVolumes(POOL, "ct-boot", owner);
      hv.deleteVolumes(POOL, "ct-boot", owner);
      assertThat(hv.volumes(POOL))
          .contains(BASE)
          .doesNotContain(BootDisk.overlay("ct-boot", owner), BootDisk.seed("ct-boot", owner));
    } finally {
      scrub("ct-boot");
      hv.deleteVolumes(POOL, "ct-boot", owner);
    }
  }

  @Test
  @DisplayName(
      "a guest whose boot volume is gone is refused at start; another change's volumes are not"
          + " its own")
  void missingVolume() {
    var hv = hypervisor();
    var owner = owner("c-novol", "ct-novol");
    var spec = bootable("ct-novol", "tapCtNoVol0", owner, null);
    scrub("ct-novol");
    try {
      hv.createVolumes(spec);
      hv.define(spec);
      assertThat(
              sh("virsh -c qemu:///system vol-delete --pool "
                      + POOL
                      + " "
                      + BootDisk.overlay("ct-novol", owner))
                  .ok())
          .isTrue();
      assertThatThrownBy(() -> hv.start("ct-novol"))
          .isInstanceOfSatisfying(
              DeviceException.CommandRejected.class,
              e -> assertThat(e.getMessage()).contains("ct-novol"));
      assertThat(hv.dominfo("ct-novol").running()).isFalse();
      // another change's teardown of the name removes nothing of this change
      hv.deleteVolumes(POOL, "ct-novol", owner("c-elsewhere", "ct-novol"));
      assertThat(hv.volumes(POOL)).contains(BootDisk.seed("ct-novol", owner));
      // the retry of define-start creates the overlay again, and the guest starts
      hv.createVolumes(spec);
      hv.start("ct-novol");
      assertThat(hv.dominfo("ct-novol").running()).isTrue();
      hv.destroy("ct-novol", owner);
      hv.undefine("ct-novol", owner);
    } finally {
      scrub("ct-novol");
      hv.deleteVolumes(POOL, "ct-novol", owner);
    }
  }

  @Test
  @DisplayName("a base image missing from the pool is refused before anything is created")
  void missingBase() {
    var hv = hypervisor();
    var owner = owner("c-nobase", "ct-nobase");
    var spec =
        new DomainSpec(
            "ct-nobase",
            128,
            1,
            List.of(new DomainSpec.Nic("52:54:00:10:20:33", "tapCtNoBase0", IFACE, "br-int")),
            owner,
            new BootDisk(POOL, "no-such-base.qcow2", "ct-nobase", null, null));
    assertThatThrownBy(() -> hv.createVolumes(spec))
        .isInstanceOfSatisfying(
            DeviceException.CommandRejected.class,
            e -> assertThat(e.getMessage()).contains("no-such-base.qcow2"));
    assertThat(hv.volumes(POOL)).doesNotContain(BootDisk.overlay("ct-nobase", owner));
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
