package io.longhaul.db.instance;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A VM or pod from its spawn's claim to the end of its teardown. */
public record Instance(
    long id,
    String name,
    String kind,
    long siteId,
    int vcpus,
    long memoryMb,
    String antiAffinity,
    Long hypervisorId,
    UUID portId,
    String state,
    String runId,
    OffsetDateTime createdAt) {

  public static final String SPAWNING = "spawning";
  public static final String ACTIVE = "active";
  public static final String DELETING = "deleting";
  public static final String DEGRADED = "degraded";
  public static final String MISSING = "missing";

  /** The states the drift watch compares with the hypervisor, and moves between. */
  public static final java.util.Set<String> WATCHED = java.util.Set.of(ACTIVE, DEGRADED, MISSING);

  public record Spec(
      String name,
      String kind,
      long siteId,
      int vcpus,
      long memoryMb,
      String antiAffinity,
      String runId) {}
}
