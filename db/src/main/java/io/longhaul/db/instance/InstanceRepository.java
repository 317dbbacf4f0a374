package io.longhaul.db.instance;

import static io.longhaul.db.jooq.Tables.HYPERVISOR;
import static io.longhaul.db.jooq.Tables.INSTANCE;
import static io.longhaul.db.jooq.Tables.IP_PORT;
import static io.longhaul.db.jooq.Tables.NETWORK;
import static io.longhaul.db.jooq.Tables.SITE;

import io.longhaul.db.jooq.tables.records.InstanceRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class InstanceRepository {
  private final DSLContext db;

  public InstanceRepository(DSLContext db) {
    this.db = db;
  }

  /**
   * Inserts the instance in state spawning, or returns the one that already holds the name (the
   * caller compares run ids to tell its own retry from a clash).
   */
  public Instance claim(Instance.Spec spec) {
    return db.insertInto(INSTANCE)
        .set(INSTANCE.NAME, spec.name())
        .set(INSTANCE.KIND, spec.kind())
        .set(INSTANCE.SITE_ID, spec.siteId())
        .set(INSTANCE.VCPUS, spec.vcpus())
        .set(INSTANCE.MEMORY_MB, spec.memoryMb())
        .set(INSTANCE.ANTI_AFFINITY, spec.antiAffinity())
        .set(INSTANCE.STATE, Instance.SPAWNING)
        .set(INSTANCE.RUN_ID, spec.runId())
        .onConflict(INSTANCE.NAME)
        .doNothing()
        .returning()
        .fetchOptional()
        .map(this::map)
        .orElseGet(() -> findByName(spec.name()).orElseThrow());
  }

  public Optional<Instance> findByName(String name) {
    return db.selectFrom(INSTANCE).where(INSTANCE.NAME.eq(name)).fetchOptional(this::map);
  }

  public void setHypervisor(long id, Long hypervisorId) {
    db.update(INSTANCE)
        .set(INSTANCE.HYPERVISOR_ID, hypervisorId)
        .set(INSTANCE.UPDATED_AT, OffsetDateTime.now())
        .where(INSTANCE.ID.eq(id))
        .execute();
  }

  public void setState(long id, String state, UUID portId, String runId) {
    var update = db.update(INSTANCE).set(INSTANCE.STATE, state);
    if (portId != null) {
      update = update.set(INSTANCE.PORT_ID, portId);
    }
    update
        .set(INSTANCE.RUN_ID, runId)
        .set(INSTANCE.UPDATED_AT, OffsetDateTime.now())
        .where(INSTANCE.ID.eq(id))
        .execute();
  }

  /** The site's instances the drift watch compares: placed and active, degraded or missing. */
  public List<Instance> watched(long siteId) {
    return db.selectFrom(INSTANCE)
        .where(INSTANCE.SITE_ID.eq(siteId))
        .and(INSTANCE.STATE.in(Instance.WATCHED))
        .and(INSTANCE.HYPERVISOR_ID.isNotNull())
        .orderBy(INSTANCE.ID)
        .fetch(this::map);
  }

  /**
   * The drift watch's finding: the new state (active, degraded or missing) and what it saw. Only an
   * instance still in a watched state changes, so a spawn or delete that moved it meanwhile wins.
   *
   * @return whether the state changed
   */
  public boolean markDrift(long id, String state, String drift) {
    if (!Instance.WATCHED.contains(state)) {
      throw new IllegalArgumentException("not a drift state: " + state);
    }
    String before =
        db.select(INSTANCE.STATE).from(INSTANCE).where(INSTANCE.ID.eq(id)).fetchOne(INSTANCE.STATE);
    int n =
        db.update(INSTANCE)
            .set(INSTANCE.STATE, state)
            .set(INSTANCE.DRIFT, drift)
            .set(INSTANCE.DRIFT_CHECKED_AT, OffsetDateTime.now())
            .where(INSTANCE.ID.eq(id))
            .and(INSTANCE.STATE.in(Instance.WATCHED))
            .execute();
    return n > 0 && !state.equals(before);
  }

  public boolean delete(long id) {
    return db.deleteFrom(INSTANCE).where(INSTANCE.ID.eq(id)).execute() > 0;
  }

  public List<Instance> list() {
    return db.selectFrom(INSTANCE).orderBy(INSTANCE.ID).fetch(this::map);
  }

  /** Instances with their site, host and port, optionally of one site; newest last. */
  public List<InstanceListing> listings(String siteCode) {
    return db.select(
            INSTANCE.NAME,
            INSTANCE.KIND,
            SITE.CODE,
            INSTANCE.STATE,
            HYPERVISOR.NAME,
            IP_PORT.ID,
            IP_PORT.ADDRESS,
            IP_PORT.MAC,
            NETWORK.NAME,
            INSTANCE.DRIFT,
            INSTANCE.DRIFT_CHECKED_AT)
        .from(INSTANCE)
        .join(SITE)
        .on(SITE.ID.eq(INSTANCE.SITE_ID))
        .leftJoin(HYPERVISOR)
        .on(HYPERVISOR.ID.eq(INSTANCE.HYPERVISOR_ID))
        .leftJoin(IP_PORT)
        .on(IP_PORT.ID.eq(INSTANCE.PORT_ID))
        .leftJoin(NETWORK)
        .on(NETWORK.ID.eq(IP_PORT.NETWORK_ID))
        .where(siteCode == null ? SITE.CODE.isNotNull() : SITE.CODE.eq(siteCode))
        .orderBy(INSTANCE.ID)
        .fetch(
            r ->
                new InstanceListing(
                    r.value1(),
                    r.value2(),
                    r.value3(),
                    r.value4(),
                    r.value5(),
                    r.value6() == null ? null : r.value6().toString(),
                    r.value7() == null ? null : r.value7().replaceFirst("/\\d+$", ""),
                    r.value8(),
                    r.value9(),
                    r.value10(),
                    r.value11()));
  }

  private Instance map(InstanceRecord r) {
    return new Instance(
        r.getId(),
        r.getName(),
        r.getKind(),
        r.getSiteId(),
        r.getVcpus(),
        r.getMemoryMb(),
        r.getAntiAffinity(),
        r.getHypervisorId(),
        r.getPortId(),
        r.getState(),
        r.getRunId(),
        r.getCreatedAt());
  }
}
