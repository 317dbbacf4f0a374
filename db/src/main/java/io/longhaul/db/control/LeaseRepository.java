package io.longhaul.db.control;

import static io.longhaul.db.jooq.Tables.LEASE;
import static io.longhaul.db.jooq.Tables.LEASE_WAITER;
import static io.longhaul.db.jooq.Tables.RUN;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Leases on named targets. Every change is serialised by one transaction-scoped advisory lock:
 * lease traffic is a few calls per run, and one lock makes "all names or none, in request order"
 * simple to get right.
 */
@Repository
public class LeaseRepository {
  private static final long LOCK_KEY = 0x4c48_4c45_4153_4500L; // "LHLEASE\0"

  private final DSLContext db;

  public LeaseRepository(DSLContext db) {
    this.db = db;
  }

  /** The outcome of an acquisition: granted, or the holders (run ids) in the way. */
  public record Acquisition(boolean granted, List<String> heldBy) {}

  /**
   * Grants every name to the run, or none. A name is free for the run when nobody else holds it and
   * no run queued before this one is still waiting for it. Refused with {@code queue}, the run
   * joins each name's queue (keeping its first place when it asks again).
   */
  public Acquisition acquire(String runId, List<String> names, boolean queue) {
    return db.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          t.execute("select pg_advisory_xact_lock(?)", LOCK_KEY);
          TreeSet<String> sorted = new TreeSet<>(names);
          List<String> blockers = new ArrayList<>();
          for (String name : sorted) {
            String holder =
                t.select(LEASE.HOLDER_RUN)
                    .from(LEASE)
                    .where(LEASE.NAME.eq(name))
                    .fetchOptional(LEASE.HOLDER_RUN)
                    .orElse(null);
            if (holder != null) {
              if (!holder.equals(runId)) {
                blockers.add(holder);
              }
              // Held by this run already (a resumed run asking again): it keeps it, whoever
              // queued behind it meanwhile. Checking the queue here deadlocked holder and waiter.
              continue;
            }
            Long mine =
                t.select(LEASE_WAITER.ID)
                    .from(LEASE_WAITER)
                    .where(LEASE_WAITER.NAME.eq(name), LEASE_WAITER.RUN_ID.eq(runId))
                    .fetchOptional(LEASE_WAITER.ID)
                    .orElse(null);
            var ahead =
                t.select(LEASE_WAITER.RUN_ID)
                    .from(LEASE_WAITER)
                    .where(LEASE_WAITER.NAME.eq(name), LEASE_WAITER.RUN_ID.ne(runId))
                    .and(mine == null ? LEASE_WAITER.ID.isNotNull() : LEASE_WAITER.ID.lt(mine))
                    .orderBy(LEASE_WAITER.ID)
                    .limit(1)
                    .fetchOptional(LEASE_WAITER.RUN_ID);
            ahead.ifPresent(blockers::add);
          }
          if (!blockers.isEmpty()) {
            if (queue) {
              for (String name : sorted) {
                t.insertInto(LEASE_WAITER)
                    .set(LEASE_WAITER.NAME, name)
                    .set(LEASE_WAITER.RUN_ID, runId)
                    .onConflictDoNothing()
                    .execute();
              }
            }
            return new Acquisition(false, blockers.stream().distinct().toList());
          }
          for (String name : sorted) {
            t.insertInto(LEASE)
                .set(LEASE.NAME, name)
                .set(LEASE.HOLDER_RUN, runId)
                .onConflictDoNothing()
                .execute();
          }
          t.deleteFrom(LEASE_WAITER)
              .where(LEASE_WAITER.RUN_ID.eq(runId), LEASE_WAITER.NAME.in(sorted))
              .execute();
          return new Acquisition(true, List.of());
        });
  }

  /**
   * Releases what the run holds among {@code names} (all it holds when null) and leaves those
   * queues. Returns the runs now first in line for a released name, so the caller can wake them.
   */
  public List<String> release(String runId, List<String> names) {
    return db.transactionResult(
        tx -> {
          DSLContext t = tx.dsl();
          t.execute("select pg_advisory_xact_lock(?)", LOCK_KEY);
          var heldCondition =
              names == null
                  ? LEASE.HOLDER_RUN.eq(runId)
                  : LEASE.HOLDER_RUN.eq(runId).and(LEASE.NAME.in(names));
          List<String> released =
              t.deleteFrom(LEASE).where(heldCondition).returning(LEASE.NAME).fetch(LEASE.NAME);
          t.deleteFrom(LEASE_WAITER)
              .where(LEASE_WAITER.RUN_ID.eq(runId))
              .and(names == null ? LEASE_WAITER.ID.isNotNull() : LEASE_WAITER.NAME.in(names))
              .execute();
          List<String> wake = new ArrayList<>();
          for (String name : released) {
            t.select(LEASE_WAITER.RUN_ID)
                .from(LEASE_WAITER)
                .where(LEASE_WAITER.NAME.eq(name))
                .orderBy(LEASE_WAITER.ID)
                .limit(1)
                .fetchOptional(LEASE_WAITER.RUN_ID)
                .filter(r -> !wake.contains(r))
                .ifPresent(wake::add);
          }
          return wake;
        });
  }

  /**
   * Releases the leases and queue places of runs that have ended: a run terminated, or whose worker
   * died before it could release, does not hold a target forever. Returns the runs to wake.
   */
  public List<String> releaseEnded(List<String> liveStatuses) {
    List<String> ended =
        db.selectDistinct(LEASE.HOLDER_RUN)
            .from(LEASE)
            .join(RUN)
            .on(RUN.ID.eq(LEASE.HOLDER_RUN))
            .where(RUN.STATUS.notIn(liveStatuses))
            .union(
                db.selectDistinct(LEASE_WAITER.RUN_ID)
                    .from(LEASE_WAITER)
                    .join(RUN)
                    .on(RUN.ID.eq(LEASE_WAITER.RUN_ID))
                    .where(RUN.STATUS.notIn(liveStatuses)))
            .fetch(0, String.class);
    List<String> wake = new ArrayList<>();
    for (String run : ended) {
      release(run, null).stream().filter(r -> !wake.contains(r)).forEach(wake::add);
    }
    return wake;
  }

  /** Every lease held or waited for, optionally of one name, with holders and queues. */
  public List<Lease> list(String name) {
    Map<String, Lease> out = new LinkedHashMap<>();
    db.selectFrom(LEASE)
        .where(name == null ? LEASE.NAME.isNotNull() : LEASE.NAME.eq(name))
        .orderBy(LEASE.NAME)
        .forEach(
            r ->
                out.put(
                    r.getName(),
                    new Lease(
                        r.getName(), r.getHolderRun(), r.getAcquiredAt(), new ArrayList<>())));
    db.selectFrom(LEASE_WAITER)
        .where(name == null ? LEASE_WAITER.NAME.isNotNull() : LEASE_WAITER.NAME.eq(name))
        .orderBy(LEASE_WAITER.ID)
        .forEach(
            w ->
                out.computeIfAbsent(w.getName(), n -> new Lease(n, null, null, new ArrayList<>()))
                    .waiters()
                    .add(new Lease.Waiter(w.getRunId(), w.getRequestedAt())));
    return out.values().stream()
        .sorted(java.util.Comparator.comparing(Lease::name))
        .map(l -> new Lease(l.name(), l.holderRun(), l.acquiredAt(), List.copyOf(l.waiters())))
        .toList();
  }
}
