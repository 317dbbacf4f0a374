package io.longhaul.workers;

/**
 * What a worker serves on each site's queue. The runtime asks once per site this worker serves,
 * when it is created, so sites come from the inventory rather than from configuration.
 */
@FunctionalInterface
public interface SiteRegistrations {
  WorkerRegistration forSite(String siteCode);
}
