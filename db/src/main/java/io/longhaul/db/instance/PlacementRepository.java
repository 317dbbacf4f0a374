package io.longhaul.db.instance;

import static io.longhaul.db.jooq.Tables.HYPERVISOR;
import static io.longhaul.db.jooq.Tables.PLACEMENT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.floor;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.notExists;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.sum;

import io.longhaul.db.jooq.tables.records.PlacementRecord;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/**
 * Capacity reservations. The choice of host is a query; the decision is the database's: the
 * placement triggers lock the host row (before the foreign key's check, V7) and refuse an
 * over-commit, and an exclusion constraint refuses two members of an anti-affinity group on one
 * host.
 */
@Repository
public class PlacementRepository {
  private final DSLContext db;

  public PlacementRepository(DSLContext db) {
    this.db = db;
  }

  public Optional<Reservation> find(long instanceId) {
    return db.selectFrom(PLACEMENT)
        .where(PLACEMENT.INSTANCE_ID.eq(instanceId))
        .fetchOptional(this::map);
  }

  /**
   * The best host of the site for the request: not in maintenance, not among {@code refused}, with
   * room and no member of the group, most free memory first. With {@code skipLocked} the host is
   * locked and hosts another reservation holds are passed over, which spreads a burst across hosts
   * instead of queueing it on one; only the host returned is locked, so a reservation never holds
   * more than one host (two holding several, taken in different orders, could deadlock). Without it
   * nothing is locked here; the placement trigger locks the host on insert.
   */
  public Optional<Long> candidate(
      long siteId,
      int vcpus,
      long memoryMb,
      String antiAffinity,
      Collection<Long> refused,
      boolean skipLocked) {
    Field<BigDecimal> usedCpu =
        select(coalesce(sum(PLACEMENT.VCPUS), BigDecimal.ZERO))
            .from(PLACEMENT)
            .where(PLACEMENT.HYPERVISOR_ID.eq(HYPERVISOR.ID))
            .asField();
    Field<BigDecimal> usedMemory =
        select(coalesce(sum(PLACEMENT.MEMORY_MB), BigDecimal.ZERO))
            .from(PLACEMENT)
            .where(PLACEMENT.HYPERVISOR_ID.eq(HYPERVISOR.ID))
            .asField();
    Field<BigDecimal> cpuRoom =
        floor(HYPERVISOR.CPU_CORES.cast(BigDecimal.class).mul(HYPERVISOR.CPU_OVERCOMMIT))
            .minus(usedCpu);
    Field<BigDecimal> memoryRoom =
        floor(HYPERVISOR.MEMORY_MB.cast(BigDecimal.class).mul(HYPERVISOR.MEMORY_OVERCOMMIT))
            .minus(usedMemory);
    Condition group =
        antiAffinity == null
            ? inline(true).isTrue()
            : notExists(
                selectOne()
                    .from(PLACEMENT)
                    .where(PLACEMENT.HYPERVISOR_ID.eq(HYPERVISOR.ID))
                    .and(PLACEMENT.ANTI_AFFINITY.eq(antiAffinity)));
    var query =
        db.select(HYPERVISOR.ID)
            .from(HYPERVISOR)
            .where(HYPERVISOR.SITE_ID.eq(siteId))
            .and(HYPERVISOR.MAINTENANCE.isFalse())
            .and(HYPERVISOR.ID.notIn(refused))
            .and(cpuRoom.ge(BigDecimal.valueOf(vcpus)))
            .and(memoryRoom.ge(BigDecimal.valueOf(memoryMb)))
            .and(group)
            .orderBy(memoryRoom.desc(), HYPERVISOR.NAME)
            .limit(1);
    return skipLocked
        ? query.forUpdate().of(HYPERVISOR).skipLocked().fetchOptional(HYPERVISOR.ID)
        : query.fetchOptional(HYPERVISOR.ID);
  }

  /** Inserts the reservation; the trigger and the constraint may refuse it. */
  public Reservation insert(Reservation r) {
    return map(
        db.insertInto(PLACEMENT)
            .set(PLACEMENT.INSTANCE_ID, r.instanceId())
            .set(PLACEMENT.HYPERVISOR_ID, r.hypervisorId())
            .set(PLACEMENT.VCPUS, r.vcpus())
            .set(PLACEMENT.MEMORY_MB, r.memoryMb())
            .set(PLACEMENT.ANTI_AFFINITY, r.antiAffinity())
            .returning()
            .fetchSingle());
  }

  public boolean release(long instanceId) {
    return db.deleteFrom(PLACEMENT).where(PLACEMENT.INSTANCE_ID.eq(instanceId)).execute() > 0;
  }

  /** Reserved vCPUs and MiB on a host. */
  public long[] reserved(long hypervisorId) {
    var r =
        db.select(
                coalesce(sum(PLACEMENT.VCPUS), BigDecimal.ZERO),
                coalesce(sum(PLACEMENT.MEMORY_MB), BigDecimal.ZERO))
            .from(PLACEMENT)
            .where(PLACEMENT.HYPERVISOR_ID.eq(hypervisorId))
            .fetchSingle();
    return new long[] {r.value1().longValue(), r.value2().longValue()};
  }

  public List<Reservation> list() {
    return db.selectFrom(PLACEMENT).orderBy(PLACEMENT.INSTANCE_ID).fetch(this::map);
  }

  private Reservation map(PlacementRecord r) {
    return new Reservation(
        r.getInstanceId(), r.getHypervisorId(), r.getVcpus(), r.getMemoryMb(), r.getAntiAffinity());
  }
}
