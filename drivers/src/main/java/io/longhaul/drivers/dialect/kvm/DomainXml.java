package io.longhaul.drivers.dialect.kvm;

import io.longhaul.drivers.DeviceException;
import io.longhaul.drivers.capability.BootDisk;
import io.longhaul.drivers.capability.DomainOwner;
import io.longhaul.drivers.capability.DomainSpec;
import io.longhaul.drivers.cli.CliValues;

/**
 * Renders libvirt domain XML. Every value is validated against an allow-list first and escaped
 * anyway, so a value can neither break the XML nor the command line it travels with. The UUID comes
 * from the owner (real libvirt refuses to redefine a name without its UUID), and the owner is
 * written into {@code <metadata>}, which libvirt keeps as given.
 */
public final class DomainXml {
  private DomainXml() {}

  public static final int MAX_MEMORY_MIB = 4 * 1024 * 1024;
  public static final int MAX_VCPUS = 512;

  /**
   * @param type the virtualisation type the host offers ({@code kvm} or {@code qemu})
   */
  public static String render(String device, DomainSpec spec, String type) {
    validate(device, spec);
    if (!type.equals("kvm") && !type.equals("qemu")) {
      throw new DeviceException.InvalidParameter(
          device, "domain type", "'" + type + "' is neither kvm nor qemu");
    }
    DomainOwner owner = spec.owner();
    var xml = new StringBuilder();
    xml.append("<domain type='").append(type).append("'>\n");
    xml.append("  <name>").append(escape(spec.name())).append("</name>\n");
    xml.append("  <uuid>").append(owner.domainUuid()).append("</uuid>\n");
    xml.append("  <metadata>\n");
    xml.append("    <longhaul:owner xmlns:longhaul='")
        .append(DomainOwner.NAMESPACE)
        .append("' run='")
        .append(escape(owner.run()))
        .append("' change='")
        .append(escape(owner.change()))
        .append("' instance='")
        .append(escape(owner.instance()))
        .append("'/>\n");
    xml.append("  </metadata>\n");
    xml.append("  <memory unit='MiB'>").append(spec.memoryMiB()).append("</memory>\n");
    xml.append("  <vcpu>").append(spec.vcpus()).append("</vcpu>\n");
    xml.append("  <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>\n");
    xml.append("  <devices>\n");
    BootDisk boot = spec.boot();
    if (boot != null) {
      disk(xml, "disk", "qcow2", boot.pool(), BootDisk.overlay(spec.name(), owner), "vda");
      // the seed rides on a read-only virtio disk: cloud-init looks for the label on any device
      disk(xml, "disk", "raw", boot.pool(), BootDisk.seed(spec.name(), owner), "vdb");
      // a serial console logged by virtlogd, so what the guest printed can be read afterwards
      xml.append("    <serial type='pty'>\n      <log file='")
          .append(escape(BootDisk.consoleLog(spec.name())))
          .append("' append='off'/>\n      <target port='0'/>\n    </serial>\n");
      xml.append("    <console type='pty'><target type='serial' port='0'/></console>\n");
    }
    for (var nic : spec.nics()) {
      xml.append("    <interface type='bridge'>\n");
      xml.append("      <mac address='").append(escape(nic.mac())).append("'/>\n");
      xml.append("      <source bridge='").append(escape(nic.bridge())).append("'/>\n");
      xml.append("      <virtualport type='openvswitch'>\n");
      xml.append("        <parameters interfaceid='").append(escape(nic.ifaceId())).append("'/>\n");
      xml.append("      </virtualport>\n");
      xml.append("      <target dev='").append(escape(nic.port())).append("'/>\n");
      xml.append("      <model type='virtio'/>\n");
      xml.append("    </interface>\n");
    }
    xml.append("  </devices>\n");
    xml.append("</domain>\n");
    return xml.toString();
  }

  private static void disk(
      StringBuilder xml, String device, String format, String pool, String volume, String dev) {
    xml.append("    <disk type='volume' device='").append(device).append("'>\n");
    xml.append("      <driver name='qemu' type='").append(format).append("'/>\n");
    xml.append("      <source pool='")
        .append(escape(pool))
        .append("' volume='")
        .append(escape(volume))
        .append("'/>\n");
    xml.append("      <target dev='").append(dev).append("' bus='virtio'/>\n");
    if (format.equals("raw")) {
      xml.append("      <readonly/>\n");
    }
    xml.append("    </disk>\n");
  }

  /** Checks every value of the spec against its allow-list; nothing is sent before this. */
  public static void validate(String device, DomainSpec spec) {
    CliValues.domainName(device, spec.name());
    CliValues.positive(device, "memoryMiB", spec.memoryMiB(), MAX_MEMORY_MIB);
    CliValues.positive(device, "vcpus", spec.vcpus(), MAX_VCPUS);
    CliValues.ownerField(device, "owner.run", spec.owner().run());
    CliValues.ownerField(device, "owner.change", spec.owner().change());
    CliValues.domainName(device, spec.owner().instance());
    if (spec.boot() != null) {
      CliValues.pool(device, spec.boot().pool());
      CliValues.volume(device, spec.boot().baseVolume());
      CliValues.volume(device, BootDisk.seed(spec.name(), spec.owner()));
      if (spec.nics().isEmpty()) {
        throw new DeviceException.InvalidParameter(device, "nics", "a seed needs the guest's NIC");
      }
    }
    for (var nic : spec.nics()) {
      CliValues.mac(device, nic.mac());
      CliValues.ovsPort(device, nic.port());
      CliValues.ifaceId(device, nic.ifaceId());
      CliValues.bridge(device, nic.bridge());
    }
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace("\"", "&quot;");
  }
}
