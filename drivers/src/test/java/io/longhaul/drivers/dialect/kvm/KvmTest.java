package io.longhaul.drivers.dialect.kvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.Fixtures;
import io.longhaul.drivers.capability.DomainInfo;
import io.longhaul.drivers.capability.DomainOwner;
import io.longhaul.drivers.capability.DomainSpec;
import io.longhaul.drivers.capability.DomainSummary;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class KvmTest {

  @Nested
  @DisplayName("virsh parsers")
  class ParsersTests {
    @Test
    @DisplayName("list --all keeps two-word states")
    void list() {
      assertThat(KvmParsers.virshList(Fixtures.read("kvm/virsh-list-all.txt")))
          .containsExactly(
              new DomainSummary("vm-a", "running"),
              new DomainSummary("tenant.vm-b", "running"),
              new DomainSummary("vm-c", "shut off"));
    }

    @Test
    @DisplayName("dominfo gives state, vCPUs and memory")
    void dominfo() {
      assertThat(KvmParsers.dominfo(Fixtures.read("kvm/virsh-dominfo.txt")))
          .isEqualTo(new DomainInfo("vm-a", "running", 4, 8_388_608, true));
    }

    @Test
    @DisplayName("nodeinfo gives CPUs and memory")
    void nodeinfo() {
      var kv = KvmParsers.keyValues(Fixtures.read("kvm/virsh-nodeinfo.txt"));
      assertThat(kv).containsEntry("CPU(s)", "64");
      assertThat(KvmParsers.kib(kv.get("Memory size"))).isEqualTo(263_921_472L);
    }
  }

  @Nested
  @DisplayName("libvirt 9.0 XML")
  class Identity {
    @Test
    @DisplayName("domcapabilities of a host without KVM offers qemu")
    void noKvm() {
      assertThat(KvmParsers.domainType(Fixtures.read("kvm/virsh-domcapabilities.no-kvm.9.0.xml")))
          .isEqualTo("qemu");
    }

    @Test
    @DisplayName("dumpxml keeps the ownership mark as defined, beside the UUID libvirt kept")
    void owned() {
      var id = KvmParsers.domainIdentity(Fixtures.read("kvm/virsh-dumpxml.owned.9.0.xml"));
      assertThat(id.name()).isEqualTo("rgtest1");
      assertThat(id.uuid()).isEqualTo("b83abf43-8ac1-476e-9730-acfc5a5fb209");
      assertThat(id.type()).isEqualTo("qemu");
      assertThat(id.owner()).contains(new DomainOwner("r1", "c1", "rgtest1"));
    }

    @Test
    @DisplayName("a domain defined by hand has no mark")
    void foreign() {
      var id = KvmParsers.domainIdentity(Fixtures.read("kvm/virsh-dumpxml.foreign.9.0.xml"));
      assertThat(id.name()).isEqualTo("foreign1");
      assertThat(id.owner()).isEmpty();
    }

    @Test
    @DisplayName(
        "a re-run (same change, new run) owns its original's domain; another change does not")
    void ownership() {
      var mark = new DomainOwner("run-1", "change-1", "vm-1");
      assertThat(new DomainOwner("run-2", "change-1", "vm-1").owns(mark)).isTrue();
      assertThat(new DomainOwner("run-2", "change-1", "vm-1").domainUuid())
          .isEqualTo(mark.domainUuid());
      assertThat(new DomainOwner("run-1", "change-2", "vm-1").owns(mark)).isFalse();
      assertThat(new DomainOwner("run-1", "change-1", "vm-2").owns(mark)).isFalse();
      assertThat(mark.owns(null)).isFalse();
    }
  }

  private static final DomainOwner OWNER = new DomainOwner("run-1", "change-1", "vm-42");

  @Nested
  @DisplayName("domain XML")
  class Xml {
    private final DomainSpec spec =
        new DomainSpec(
            "vm-42",
            2048,
            2,
            List.of(
                new DomainSpec.Nic(
                    "52:54:00:aa:bb:01", "tap42a", "3f2a9c1e-0b1d-4c5e-9f00-1a2b3c4d5e6f")),
            OWNER);

    @Test
    @DisplayName("renders type, UUID, owner, memory in MiB, vCPUs and an OVS virtualport per NIC")
    void render() {
      String xml = DomainXml.render("hv1", spec, "qemu");
      assertThat(xml)
          .startsWith("<domain type='qemu'>")
          .contains("<uuid>" + OWNER.domainUuid() + "</uuid>")
          .contains("run='run-1' change='change-1' instance='vm-42'/>")
          .contains("<name>vm-42</name>")
          .contains("<memory unit='MiB'>2048</memory>")
          .contains("<vcpu>2</vcpu>")
          .contains("<source bridge='br-int'/>")
          .contains("<parameters interfaceid='3f2a9c1e-0b1d-4c5e-9f00-1a2b3c4d5e6f'/>")
          .contains("<target dev='tap42a'/>")
          .contains("<mac address='52:54:00:aa:bb:01'/>");
    }

    @Test
    @DisplayName("a name that would break the XML is refused, not escaped into it")
    void injection() {
      var bad = new DomainSpec("vm</name><devices>", 2048, 2, List.of(), OWNER);
      assertThatThrownBy(() -> DomainXml.render("hv1", bad, "kvm"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
      var badNic =
          new DomainSpec(
              "vm",
              2048,
              2,
              List.of(new DomainSpec.Nic("52:54:00:aa:bb:01", "tap'x", "id")),
              OWNER);
      assertThatThrownBy(() -> DomainXml.render("hv1", badNic, "kvm"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
      var badOwner = new DomainSpec("vm", 2048, 2, List.of(), new DomainOwner("r'/>", "c", "vm"));
      assertThatThrownBy(() -> DomainXml.render("hv1", badOwner, "kvm"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
      assertThatThrownBy(() -> DomainXml.render("hv1", spec, "xen"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
    }

    @Test
    @DisplayName("zero memory or absurd vCPU counts are refused")
    void bounds() {
      assertThatThrownBy(
              () -> DomainXml.render("hv1", new DomainSpec("vm", 0, 2, List.of(), OWNER), "kvm"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
      assertThatThrownBy(
              () ->
                  DomainXml.render("hv1", new DomainSpec("vm", 512, 9999, List.of(), OWNER), "kvm"))
          .isInstanceOf(DeviceException.InvalidParameter.class);
    }

    @Test
    @DisplayName("escaping covers every XML metacharacter")
    void escape() {
      assertThat(DomainXml.escape("<a href='x'>&\"</a>"))
          .isEqualTo("&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;");
    }
  }
}
