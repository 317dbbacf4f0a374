package io.longhaul.drivers.dialect.kvm;

import io.longhaul.drivers.capability.DomainSpec;
import io.longhaul.drivers.cli.CliValues;

/**
 * Renders libvirt domain XML. Every value is validated against an allow-list first and escaped
 * anyway, so a value can neither break the XML nor the command line it travels with.
 */
public final class DomainXml {
  private DomainXml() {}

  public static final int MAX_MEMORY_MIB = 4 * 1024 * 1024;
  public static final int MAX_VCPUS = 512;

  public static String render(String device, DomainSpec spec) {
    CliValues.domainName(device, spec.name());
    CliValues.positive(device, "memoryMiB", spec.memoryMiB(), MAX_MEMORY_MIB);
    CliValues.positive(device, "vcpus", spec.vcpus(), MAX_VCPUS);
    var xml = new StringBuilder();
    xml.append("<domain type='kvm'>\n");
    xml.append("  <name>").append(escape(spec.name())).append("</name>\n");
    xml.append("  <memory unit='MiB'>").append(spec.memoryMiB()).append("</memory>\n");
    xml.append("  <vcpu>").append(spec.vcpus()).append("</vcpu>\n");
    xml.append("  <os><type arch='x86_64'>hvm</type></os>\n");
    xml.append("  <devices>\n");
    for (var nic : spec.nics()) {
      CliValues.mac(device, nic.mac());
      CliValues.ovsPort(device, nic.port());
      CliValues.ifaceId(device, nic.ifaceId());
      CliValues.bridge(device, nic.bridge());
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

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace("\"", "&quot;");
  }
}
