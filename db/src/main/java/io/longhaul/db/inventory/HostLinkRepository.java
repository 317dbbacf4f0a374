package io.longhaul.db.inventory;

import static io.longhaul.db.jooq.Tables.HOST_LINK;

import io.longhaul.db.jooq.tables.records.HostLinkRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
public class HostLinkRepository
    extends InventoryRepository<HostLinkRecord, HostLink, HostLink.Spec> {

  public HostLinkRepository(DSLContext db) {
    super(db, HOST_LINK, HOST_LINK.ID, "host link");
  }

  @Override
  protected HostLinkRecord toRecord(HostLink.Spec spec) {
    // "interface" is a Java keyword, so the record calls it interfaceName.
    HostLinkRecord r = super.toRecord(spec);
    r.setInterface(spec.interfaceName());
    return r;
  }

  @Override
  protected HostLink map(Record row) {
    HostLinkRecord r = row.into(HOST_LINK);
    return new HostLink(
        r.getId(),
        r.getHypervisorId(),
        r.getNic(),
        r.getSwitchId(),
        r.getInterface(),
        r.getSource(),
        r.getLastSeenAt());
  }

  public List<HostLink> listByHypervisor(long hypervisorId) {
    return db.selectFrom(HOST_LINK)
        .where(HOST_LINK.HYPERVISOR_ID.eq(hypervisorId))
        .orderBy(HOST_LINK.NIC)
        .fetch(this::map);
  }

  /** Every link of any of these hypervisors. */
  public List<HostLink> listByHypervisors(Collection<Long> hypervisorIds) {
    return db.selectFrom(HOST_LINK)
        .where(HOST_LINK.HYPERVISOR_ID.in(hypervisorIds))
        .orderBy(HOST_LINK.ID)
        .fetch(this::map);
  }

  /** Records that discovery saw these links at {@code at}. */
  public void markSeen(Collection<Long> ids, OffsetDateTime at) {
    db.update(HOST_LINK).set(HOST_LINK.LAST_SEEN_AT, at).where(HOST_LINK.ID.in(ids)).execute();
  }
}
