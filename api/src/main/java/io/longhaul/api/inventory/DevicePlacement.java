package io.longhaul.api.inventory;

import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.error.ConflictException;
import io.longhaul.api.security.CurrentUser;
import io.longhaul.api.security.Role;
import io.longhaul.db.NotFoundException;
import io.longhaul.db.credential.CredentialScopes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Where a device may point and which credentials may go with it, checked when a switch, hypervisor
 * or cluster is written: its address (every address a cluster URL's host resolves to) lies in its
 * site's management networks (400 naming the address field), each credential it names is in scope
 * for it (409 naming the credential field). Moving a device (new site, address or port; a new
 * cluster URL) clears its credential bindings unless an admin binds them again in the same request:
 * otherwise anyone who may edit a device could send an admin's secret wherever they point it.
 */
@Component
public class DevicePlacement {
  private final CredentialScopes scopes;

  public DevicePlacement(CredentialScopes scopes) {
    this.scopes = scopes;
  }

  /**
   * A device as written: where it is and its credential ids by request field. {@code addresses} are
   * what its address stands for (one for an IP; every address a cluster URL's host name resolves
   * to, none when it does not resolve); {@code place} is what moving it changes (its address and
   * ports; a cluster's whole URL).
   */
  record Device(
      String kind,
      long siteId,
      String addressField,
      List<String> addresses,
      String place,
      Map<String, Long> credentials) {

    /** A switch or hypervisor at one IP address with its ports. */
    static Device at(
        String kind,
        long siteId,
        String addressField,
        String address,
        Map<String, Integer> ports,
        Map<String, Long> credentials) {
      String host = address.replaceFirst("/\\d+$", "");
      return new Device(
          kind,
          siteId,
          addressField,
          List.of(host),
          host + " " + new TreeMap<>(ports),
          credentials);
    }
  }

  /**
   * Checks {@code next} (replacing {@code current}, null for a new device) and returns the
   * credential ids to store: those of {@code next}, or none when a non-admin moves the device.
   */
  Map<String, Long> admit(Device current, Device next, Authentication auth) {
    if (next.addresses().isEmpty()) {
      throw new BadRequestException(next.addressField(), "names a host that does not resolve");
    }
    for (String address : next.addresses()) {
      String outside;
      try {
        outside = scopes.outsideSite(next.siteId(), address).orElse(null);
      } catch (NotFoundException e) {
        throw new BadRequestException("siteId", "no site " + next.siteId());
      }
      if (outside != null) {
        throw new BadRequestException(next.addressField(), outside);
      }
    }
    Map<String, Long> bound = new LinkedHashMap<>(next.credentials());
    boolean moved =
        current != null
            && (current.siteId() != next.siteId() || !current.place().equals(next.place()));
    Role role = CurrentUser.role(auth);
    if (moved && (role == null || !role.covers(Role.ADMIN))) {
      for (var e : next.credentials().entrySet()) {
        Long before = current.credentials().get(e.getKey());
        if (e.getValue() != null && !Objects.equals(e.getValue(), before)) {
          throw new ConflictException(
              e.getKey(),
              "moving a device clears its credentials; only an admin binds them to the new place");
        }
        bound.put(e.getKey(), null);
      }
      return bound;
    }
    for (var e : bound.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      for (String address : next.addresses()) {
        String why;
        try {
          why = scopes.outsideScope(e.getValue(), next.siteId(), next.kind(), address).orElse(null);
        } catch (NotFoundException missing) {
          throw new BadRequestException(e.getKey(), "no credential " + e.getValue());
        }
        if (why != null) {
          throw new ConflictException(e.getKey(), why);
        }
      }
    }
    return bound;
  }
}
