package io.longhaul.contracts;

/**
 * Every task queue name, in one place. Workflows run on one queue; device activities run on a queue
 * per site so a worker pool can sit next to the devices it reaches.
 */
public final class TaskQueues {
  /** Workflow tasks and the activities that touch only Longhaul's own database. */
  public static final String WORKFLOWS = "longhaul-workflows";

  /**
   * Cluster APIs (HDFS NameNodes, mesh control planes, desktop brokers) reached over HTTP, by the
   * workers that can reach them.
   */
  public static final String CLUSTERS = "longhaul-clusters";

  /**
   * Activities that need the api role's services in process (a schedule starting its run through
   * the run service); served by every process with the api role.
   */
  public static final String API = "longhaul-api";

  private static final String SITE_PREFIX = "site.";

  private TaskQueues() {}

  /** The queue of the workers that reach one site's devices. */
  public static String site(String siteCode) {
    return SITE_PREFIX + siteCode;
  }

  /** The site whose queue this is, or null for a queue of no site. */
  public static String siteOf(String taskQueue) {
    return taskQueue != null && taskQueue.startsWith(SITE_PREFIX)
        ? taskQueue.substring(SITE_PREFIX.length())
        : null;
  }
}
