package io.longhaul.drivers.dialect.kvm;

import io.longhaul.drivers.capability.DomainInfo;
import io.longhaul.drivers.capability.DomainSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
}
