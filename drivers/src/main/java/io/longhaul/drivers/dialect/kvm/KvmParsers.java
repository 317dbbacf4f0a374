package io.longhaul.drivers.dialect.kvm;

import io.longhaul.drivers.capability.DomainIdentity;
import io.longhaul.drivers.capability.DomainInfo;
import io.longhaul.drivers.capability.DomainOwner;
import io.longhaul.drivers.capability.DomainSummary;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Pure parsers for virsh output. */
public final class KvmParsers {
  private KvmParsers() {}

  /** {@code virsh list --all}: Id, Name, State (state may be two words: "shut off"). */
  public static List<DomainSummary> virshList(String text) {
    var out = new ArrayList<DomainSummary>();
    boolean body = false;
    for (String line : text.replace("\r", "").split("\n")) {
      if (!body) {
        body = line.strip().startsWith("---");
        continue;
      }
      String[] t = line.strip().split("\\s+", 3);
      if (t.length == 3) {
        out.add(new DomainSummary(t[1], t[2].strip()));
      }
    }
    return out;
  }

  /** {@code virsh vol-list}: Name, Path; the names. */
  public static List<String> volList(String text) {
    var out = new ArrayList<String>();
    boolean body = false;
    for (String line : text.replace("\r", "").split("\n")) {
      if (!body) {
        body = line.strip().startsWith("---");
        continue;
      }
      String[] t = line.strip().split("\\s+", 2);
      if (!t[0].isEmpty()) {
        out.add(t[0]);
      }
    }
    return out;
  }

  /** {@code Key: value} lines (dominfo, nodeinfo). */
  public static Map<String, String> keyValues(String text) {
    var out = new LinkedHashMap<String, String>();
    for (String line : text.replace("\r", "").split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        out.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    return out;
  }

  public static DomainInfo dominfo(String text) {
    var kv = keyValues(text);
    return new DomainInfo(
        kv.getOrDefault("Name", ""),
        kv.getOrDefault("State", ""),
        Integer.parseInt(kv.getOrDefault("CPU(s)", "0")),
        kib(kv.getOrDefault("Max memory", "0 KiB")),
        "yes".equals(kv.get("Persistent")));
  }

  /** {@code 2097152 KiB} → 2097152. */
  static long kib(String value) {
    String[] t = value.strip().split("\\s+");
    long n = Long.parseLong(t[0]);
    String unit = t.length > 1 ? t[1] : "KiB";
    return switch (unit) {
      case "MiB" -> n * 1024;
      case "GiB" -> n * 1024 * 1024;
      default -> n;
    };
  }

  /** {@code virsh dumpxml}: the domain's name, UUID, type and Longhaul's ownership mark. */
  public static DomainIdentity domainIdentity(String xml) {
    Element root = parse(xml).getDocumentElement();
    Optional<DomainOwner> owner = Optional.empty();
    var marks = root.getElementsByTagNameNS(DomainOwner.NAMESPACE, "owner");
    if (marks.getLength() > 0) {
      Element mark = (Element) marks.item(0);
      owner =
          Optional.of(
              new DomainOwner(
                  mark.getAttribute("run"),
                  mark.getAttribute("change"),
                  mark.getAttribute("instance")));
    }
    return new DomainIdentity(
        childText(root, "name"), childText(root, "uuid"), root.getAttribute("type"), owner);
  }

  /**
   * {@code virsh domcapabilities}: the type libvirt picks when none is asked for, which is {@code
   * kvm} only where KVM is usable and {@code qemu} (emulation) elsewhere.
   */
  public static String domainType(String xml) {
    return childText(parse(xml).getDocumentElement(), "domain").strip();
  }

  private static String childText(Element root, String tag) {
    for (var n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        return e.getTextContent().strip();
      }
    }
    return "";
  }

  private static Document parse(String xml) {
    try {
      var f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.strip().getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalArgumentException("not libvirt XML: " + e.getMessage(), e);
    }
  }
}
