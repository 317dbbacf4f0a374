package io.longhaul.db.credential;

import io.longhaul.db.NotFoundException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Where a device may be and where a credential may go. A device address lies in its site's
 * management networks; a credential goes only to devices of its scope: its site (null: any), its
 * device kinds (empty: any) and its address ranges (empty: the site's management networks). The API
 * checks both when a device is written, and {@code DeviceAccess} again before it reveals a secret,
 * so a binding written around the API still sends nothing out of scope. A cluster's place is its
 * base URL's host: every address the host resolves to must pass, so a name cannot smuggle a
 * credential out through one of its addresses ({@link #addresses}).
 */
@Repository
public class CredentialScopes {
  public static final List<String> DEVICE_KINDS = List.of("switch", "hypervisor", "cluster");

  /** A credential's scope as an admin sets it; cidrs in PostgreSQL's canonical form. */
  public record Scope(Long siteId, List<String> kinds, List<String> cidrs) {}

  private final DSLContext db;

  public CredentialScopes(DSLContext db) {
    this.db = db;
  }

  public Scope scope(long credentialId) {
    return db.fetchOptional(
            "select scope_site_id, scope_kinds, scope_cidrs::text[] from credential where id = ?",
            credentialId)
        .map(
            r ->
                new Scope(
                    r.get(0, Long.class),
                    List.of(r.get(1, String[].class)),
                    List.of(r.get(2, String[].class))))
        .orElseThrow(() -> new NotFoundException("credential", credentialId));
  }

  /** Sets the scope; {@code cidrs} must already be valid CIDR text (the API checks it). */
  public Scope setScope(long credentialId, Scope s) {
    int updated =
        db.execute(
            "update credential set scope_site_id = ?, scope_kinds = ?::text[],"
                + " scope_cidrs = ?::cidr[], updated_at = now() where id = ?",
            s.siteId(),
            s.kinds().toArray(String[]::new),
            s.cidrs().toArray(String[]::new),
            credentialId);
    if (updated == 0) {
      throw new NotFoundException("credential", credentialId);
    }
    return scope(credentialId);
  }

  public List<String> mgmtNetworks(long siteId) {
    return db.fetchOptional("select mgmt_networks::text[] from site where id = ?", siteId)
        .map(r -> List.of(r.get(0, String[].class)))
        .orElseThrow(() -> new NotFoundException("site", siteId));
  }

  public List<String> setMgmtNetworks(long siteId, List<String> cidrs) {
    int updated =
        db.execute(
            "update site set mgmt_networks = ?::cidr[], updated_at = now() where id = ?",
            cidrs.toArray(String[]::new),
            siteId);
    if (updated == 0) {
      throw new NotFoundException("site", siteId);
    }
    return mgmtNetworks(siteId);
  }

  /** The CIDR in PostgreSQL's canonical form, or empty when it is not one (host bits set, say). */
  public Optional<String> canonicalCidr(String text) {
    try {
      return Optional.of(db.fetchSingle("select ?::cidr::text", text).get(0, String.class));
    } catch (org.jooq.exception.DataAccessException
        | org.springframework.dao.DataAccessException e) {
      return Optional.empty();
    }
  }

  /**
   * The addresses {@code host} (an IP literal, bracketed or not, or a name) stands for, as text; a
   * name is resolved, and empty when it does not resolve. Callers check every one of them.
   */
  public static List<InetAddress> addresses(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    try {
      return List.of(InetAddress.getAllByName(bare));
    } catch (UnknownHostException e) {
      return List.of();
    }
  }

  /** An address as PostgreSQL's {@code inet} reads it (no IPv6 zone). */
  public static String text(InetAddress address) {
    return address.getHostAddress().replaceFirst("%.*$", "");
  }

  /** Why {@code address} may not be a device address in the site; empty when it may. */
  public Optional<String> outsideSite(long siteId, String address) {
    boolean inside =
        db.fetchSingle(
                "select exists (select 1 from site s, unnest(s.mgmt_networks) n"
                    + " where s.id = ? and ?::inet <<= n)",
                siteId,
                address)
            .get(0, Boolean.class);
    return inside
        ? Optional.empty()
        : Optional.of(
            address
                + " is not in the management networks of site "
                + siteId
                + " "
                + mgmtNetworks(siteId));
  }

  /**
   * Why the credential may not be sent to a device of {@code kind} at {@code address} in the site;
   * empty when it may. The address must also lie in the site's management networks.
   */
  public Optional<String> outsideScope(
      long credentialId, long siteId, String kind, String address) {
    var r =
        db.fetchOptional(
                "select c.name,"
                    + " c.scope_site_id is null or c.scope_site_id = ?,"
                    + " cardinality(c.scope_kinds) = 0 or ? = any(c.scope_kinds),"
                    + " cardinality(c.scope_cidrs) = 0"
                    + "   or exists (select 1 from unnest(c.scope_cidrs) n where ?::inet <<= n)"
                    + " from credential c where c.id = ?",
                siteId,
                kind,
                address,
                credentialId)
            .orElseThrow(() -> new NotFoundException("credential", credentialId));
    List<String> why = new ArrayList<>();
    if (!r.get(1, Boolean.class)) why.add("site " + siteId);
    if (!r.get(2, Boolean.class)) why.add("a " + kind);
    if (!r.get(3, Boolean.class)) why.add("address " + address);
    outsideSite(siteId, address).ifPresent(why::add);
    return why.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "credential "
                + r.get(0, String.class)
                + " may not be sent there: outside its scope ("
                + String.join("; ", why)
                + ")");
  }
}
