package io.longhaul.activities.discovery;

import io.longhaul.db.inventory.Hypervisor;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Matches an LLDP system name to an inventory hypervisor. Hosts often advertise their FQDN ({@code
 * hv1.dc1.example.net}) where the inventory holds the short name, or the other way round: a name
 * matches exactly (ignoring case), after removing one of the configured domain suffixes, or by its
 * first label; an inventory FQDN matches the host's short name too.
 */
final class HostNames {
  private final Map<String, Hypervisor> byName = new HashMap<>();
  private final List<String> suffixes;

  HostNames(List<Hypervisor> hypervisors, List<String> domainSuffixes) {
    this.suffixes =
        domainSuffixes.stream()
            .map(s -> s.strip().toLowerCase(Locale.ROOT).replaceFirst("^\\.", ""))
            .filter(s -> !s.isEmpty())
            .toList();
    for (Hypervisor h : hypervisors) {
      byName.put(h.name().toLowerCase(Locale.ROOT), h);
    }
    for (Hypervisor h : hypervisors) {
      byName.putIfAbsent(shortName(h.name().toLowerCase(Locale.ROOT)), h);
    }
  }

  Optional<Hypervisor> find(String systemName) {
    String name = systemName.strip().toLowerCase(Locale.ROOT).replaceFirst("\\.$", "");
    Hypervisor exact = byName.get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (String suffix : suffixes) {
      if (name.endsWith("." + suffix)) {
        Hypervisor h = byName.get(name.substring(0, name.length() - suffix.length() - 1));
        if (h != null) {
          return Optional.of(h);
        }
      }
    }
    return Optional.ofNullable(byName.get(shortName(name)));
  }

  private static String shortName(String name) {
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
