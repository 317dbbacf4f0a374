package io.longhaul.server.lab;

import io.longhaul.db.credential.Credential;
import io.longhaul.db.credential.CredentialRepository;
import io.longhaul.db.credential.CredentialScopes;
import io.longhaul.db.inventory.Cluster;
import io.longhaul.db.inventory.ClusterRepository;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.Network;
import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.inventory.NetworkSwitch;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.inventory.SwitchRepository;
import io.longhaul.lab.Lab;
import io.longhaul.lab.LabDevice;
import io.longhaul.lab.topology.ClusterSpec;
import io.longhaul.lab.topology.HypervisorSpec;
import io.longhaul.lab.topology.NetworkSpec;
import io.longhaul.lab.topology.SiteSpec;
import io.longhaul.lab.topology.SwitchSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a lab's sites, switches, hypervisors, networks, clusters and credentials into the
 * inventory, creating what is missing and updating what changed (ports and secrets change at every
 * lab start). Host links are not loaded: finding them is topology discovery's job. Every lab device
 * listens on loopback, so the lab's sites are managed on {@link #LAB_NETWORK} and the lab's device
 * credentials are scoped to it (and to the device kinds that use them).
 */
public final class LabInventoryLoader {
  static final String SSH_CREDENTIAL = "lab-ssh";
  static final String SNMP_CREDENTIAL = "lab-snmp";
  static final String LAB_NETWORK = "127.0.0.0/8";
  static final String HTTP_CREDENTIAL = "lab-http";

  private final SiteRepository sites;
  private final SwitchRepository switches;
  private final HypervisorRepository hypervisors;
  private final NetworkRepository networks;
  private final ClusterRepository clusters;
  private final CredentialRepository credentials;
  private final CredentialScopes scopes;
  private final TransactionTemplate tx;

  public LabInventoryLoader(
      SiteRepository sites,
      SwitchRepository switches,
      HypervisorRepository hypervisors,
      NetworkRepository networks,
      ClusterRepository clusters,
      CredentialRepository credentials,
      CredentialScopes scopes,
      PlatformTransactionManager transactions) {
    this.sites = sites;
    this.switches = switches;
    this.hypervisors = hypervisors;
    this.networks = networks;
    this.clusters = clusters;
    this.credentials = credentials;
    this.scopes = scopes;
    this.tx = new TransactionTemplate(transactions);
  }

  public void load(Lab lab) {
    tx.executeWithoutResult(status -> loadAll(lab));
  }

  private void loadAll(Lab lab) {
    var c = lab.credentials();
    long ssh = credential(SSH_CREDENTIAL, "ssh-password", c.sshUsername(), c.sshPassword());
    long snmp = credential(SNMP_CREDENTIAL, "snmp-v2c", null, c.snmpCommunity());
    long http = credential(HTTP_CREDENTIAL, "http-token", null, c.httpToken());
    scopes.setScope(
        ssh,
        new CredentialScopes.Scope(null, List.of("switch", "hypervisor"), List.of(LAB_NETWORK)));
    scopes.setScope(
        snmp, new CredentialScopes.Scope(null, List.of("switch"), List.of(LAB_NETWORK)));
    scopes.setScope(
        http, new CredentialScopes.Scope(null, List.of("cluster"), List.of(LAB_NETWORK)));
    for (SiteSpec siteSpec : lab.topology().sites()) {
      long siteId = site(siteSpec);
      for (SwitchSpec s : siteSpec.switches()) {
        LabDevice d = lab.device(s.name());
        var spec =
            new NetworkSwitch.Spec(
                siteId,
                s.name(),
                s.role(),
                s.dialect(),
                s.leafPair(),
                d.ssh().getAddress().getHostAddress(),
                d.ssh().getPort(),
                d.snmp().getPort(),
                ssh,
                snmp,
                "");
        switches
            .findByName(s.name())
            .ifPresentOrElse(e -> switches.update(e.id(), spec), () -> switches.create(spec));
      }
      for (HypervisorSpec h : siteSpec.hypervisors()) {
        hypervisor(lab.device(h.name()), h, siteId, ssh);
      }
      for (NetworkSpec n : siteSpec.networks()) {
        var spec =
            new Network.Spec(
                siteId, n.name(), n.labels(), n.cidr(), n.gateway(), n.vlan(), n.vni());
        networks.list().stream()
            .filter(e -> e.siteId() == siteId && e.name().equals(n.name()))
            .findFirst()
            .ifPresentOrElse(e -> networks.update(e.id(), spec), () -> networks.create(spec));
      }
      for (ClusterSpec cl : siteSpec.clusters()) {
        // The address, port and CA change at every lab start.
        var spec =
            new Cluster.Spec(
                siteId,
                cl.name(),
                cl.kind(),
                lab.device(cl.name()).baseUrl(),
                http,
                lab.clusterCaPem(),
                List.of("lab"));
        clusters
            .findByName(cl.name())
            .ifPresentOrElse(e -> clusters.update(e.id(), spec), () -> clusters.create(spec));
      }
    }
  }

  private long site(SiteSpec s) {
    var spec = new Site.Spec(s.code(), s.name(), s.timeZone() == null ? "UTC" : s.timeZone());
    long id =
        sites
            .findByCode(s.code())
            .map(e -> sites.update(e.id(), spec).id())
            .orElseGet(() -> sites.create(spec).id());
    scopes.setMgmtNetworks(id, List.of(LAB_NETWORK));
    return id;
  }

  private void hypervisor(LabDevice d, HypervisorSpec h, long siteId, long credentialId) {
    var existing = hypervisors.findByName(h.name());
    var spec =
        new Hypervisor.Spec(
            siteId,
            h.name(),
            d.ssh().getAddress().getHostAddress(),
            d.ssh().getPort(),
            credentialId,
            h.cpuCores(),
            h.memoryMb(),
            BigDecimal.valueOf(h.effectiveCpuOvercommit()),
            BigDecimal.valueOf(h.effectiveMemoryOvercommit()),
            // Maintenance is an operator's decision; a restart must not undo it.
            existing.map(Hypervisor::maintenance).orElse(false));
    existing.ifPresentOrElse(e -> hypervisors.update(e.id(), spec), () -> hypervisors.create(spec));
  }

  /** Creates the credential, or re-seals it when the lab started with a new secret. */
  private long credential(String name, String kind, String username, String secret) {
    var existing = credentials.findByName(name);
    if (existing.isEmpty()) {
      return credentials.create(new Credential.Spec(name, kind, username, secret)).id();
    }
    Credential e = existing.get();
    if (!Objects.equals(e.username(), username) || !secret.equals(credentials.reveal(e.id()))) {
      credentials.update(e.id(), username, secret);
    }
    return e.id();
  }
}
