package io.longhaul.server.config;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.db.inventory.Site;
import io.longhaul.db.inventory.SiteRepository;
import io.longhaul.workers.SiteRegistrations;
import io.longhaul.workers.WorkerRegistration;
import io.longhaul.workers.WorkerRuntime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the queue of a site created after the worker started: the inventory is read every {@code
 * interval}, and each new site this worker serves gets its {@code site.<code>} queue at once, so
 * its runs do not wait for a restart. The API and the worker may be different processes, so the
 * inventory, not an in-process event, is what the worker watches.
 */
final class SiteQueueWatcher implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SiteQueueWatcher.class);

  private final WorkerRuntime runtime;
  private final List<SiteRegistrations> perSite;
  private final SiteRepository sites;
  private final Predicate<String> serves;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().name("site-queues").daemon().factory());

  SiteQueueWatcher(
      WorkerRuntime runtime,
      List<SiteRegistrations> perSite,
      SiteRepository sites,
      Predicate<String> serves,
      Duration interval) {
    this.runtime = runtime;
    this.perSite = List.copyOf(perSite);
    this.sites = sites;
    this.serves = serves;
    long ms = interval.toMillis();
    timer.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Adds the queues of sites not served yet; a failed look is tried again at the next tick. */
  void check() {
    try {
      for (Site site : sites.list()) {
        String queue = TaskQueues.site(site.code());
        if (serves.test(site.code()) && !runtime.serves(queue)) {
          List<WorkerRegistration> regs = new ArrayList<>();
          perSite.forEach(r -> regs.add(r.forSite(site.code())));
          runtime.add(regs);
          log.info("serving {} for the new site {}", queue, site.code());
        }
      }
    } catch (RuntimeException e) {
      log.warn("could not check the inventory for new sites: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
