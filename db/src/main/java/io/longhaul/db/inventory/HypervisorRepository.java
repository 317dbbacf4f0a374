package io.longhaul.db.inventory;

import static io.longhaul.db.jooq.Tables.HYPERVISOR;

import io.longhaul.db.jooq.tables.records.HypervisorRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
public class HypervisorRepository
    extends InventoryRepository<HypervisorRecord, Hypervisor, Hypervisor.Spec> {

  public HypervisorRepository(DSLContext db) {
    super(db, HYPERVISOR, HYPERVISOR.ID, "hypervisor");
  }

  @Override
  protected Hypervisor map(Record row) {
    var r = row.into(HYPERVISOR);
    return new Hypervisor(
        r.getId(),
        r.getSiteId(),
        r.getName(),
        r.getAddress(),
        r.getSshPort(),
        r.getCredentialId(),
        r.getCpuCores(),
        r.getMemoryMb(),
        r.getCpuOvercommit(),
        r.getMemoryOvercommit(),
        r.getMaintenance(),
        r.getCreatedAt());
  }

  public Optional<Hypervisor> findByName(String name) {
    return db.selectFrom(HYPERVISOR).where(HYPERVISOR.NAME.eq(name)).fetchOptional(this::map);
  }

  public List<Hypervisor> listBySite(long siteId) {
    return db.selectFrom(HYPERVISOR)
        .where(HYPERVISOR.SITE_ID.eq(siteId))
        .orderBy(HYPERVISOR.NAME)
        .fetch(this::map);
  }
}
