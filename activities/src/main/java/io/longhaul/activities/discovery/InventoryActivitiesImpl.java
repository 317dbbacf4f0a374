package io.longhaul.activities.discovery;

import io.longhaul.activities.Failures;
import io.longhaul.contracts.discovery.DiscoveryReport;
import io.longhaul.contracts.discovery.InventoryActivities;
import io.longhaul.contracts.discovery.ReconcileRequest;
import io.longhaul.contracts.discovery.SiteLeaves;
import io.longhaul.contracts.discovery.SiteRequest;
import io.longhaul.db.inventory.HostLink;
import io.longhaul.db.inventory.HostLinkRepository;
import io.longhaul.db.inventory.Hypervisor;
import io.longhaul.db.inventory.HypervisorRepository;
import io.longhaul.db.inventory.NetworkSwitch;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.db.inventory.SwitchRepository;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inventory side of discovery. Reconciliation runs in one transaction, so a retried attempt
 * either finds its own finished work (and reports it unchanged) or none of it.
 */
@Component
public class InventoryActivitiesImpl implements InventoryActivities {
  private final SiteRepository sites;
  private final SwitchRepository switches;
  private final HypervisorRepository hypervisors;
  private final HostLinkRepository links;
  private final TransactionTemplate tx;
  private final List<String> domainSuffixes;

  public InventoryActivitiesImpl(
      SiteRepository sites,
      SwitchRepository switches,
      HypervisorRepository hypervisors,
      HostLinkRepository links,
      PlatformTransactionManager transactions,
      @Value("${longhaul.discovery.domain-suffixes:}") List<String> domainSuffixes) {
    this.domainSuffixes = List.copyOf(domainSuffixes);
    this.sites = sites;
    this.switches = switches;
    this.hypervisors = hypervisors;
    this.links = links;
    this.tx = new TransactionTemplate(transactions);
  }

  @Override
  public SiteLeaves listLeaves(SiteRequest request) {
    Site site = site(request.site());
    return new SiteLeaves(
        site.code(),
        switches.listBySite(site.id()).stream()
            .filter(s -> "leaf".equals(s.role()))
            .map(NetworkSwitch::name)
            .toList());
  }

  @Override
  public DiscoveryReport reconcileHostLinks(ReconcileRequest request) {
    return tx.execute(status -> reconcile(request));
  }

  private DiscoveryReport reconcile(ReconcileRequest request) {
    Site site = site(request.site());
    List<NetworkSwitch> siteSwitches = switches.listBySite(site.id());
    List<Hypervisor> siteHypervisors = hypervisors.listBySite(site.id());
    List<HostLink> existing =
        links.listByHypervisors(siteHypervisors.stream().map(Hypervisor::id).toList());
    LinkDrift drift =
        LinkDrift.of(siteSwitches, siteHypervisors, existing, request.tables(), domainSuffixes);

    // Deletes first: a moved cable frees (hypervisor, nic) before its new row claims it.
    drift.removed().forEach(l -> links.delete(l.id()));
    List<Long> seen = new ArrayList<>(drift.unchanged().stream().map(HostLink::id).toList());
    for (HostLink.Spec spec : drift.added()) {
      seen.add(links.create(spec).id());
    }
    links.markSeen(seen, OffsetDateTime.now());

    return new DiscoveryReport(
        site.code(),
        request.tables().size(),
        drift.found(),
        drift.unchanged().size(),
        drift.added().stream().map(drift::ref).toList(),
        drift.removed().stream().map(drift::ref).toList(),
        drift.problems());
  }

  private Site site(String code) {
    return sites.findByCode(code).orElseThrow(() -> Failures.notFound("no site " + code));
  }
}
