package io.longhaul.db.inventory;

import static io.longhaul.db.jooq.Tables.SWITCH;

import io.longhaul.db.jooq.tables.records.SwitchRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
public class SwitchRepository
    extends InventoryRepository<SwitchRecord, NetworkSwitch, NetworkSwitch.Spec> {

  public SwitchRepository(DSLContext db) {
    super(db, SWITCH, SWITCH.ID, "switch");
  }

  @Override
  protected NetworkSwitch map(Record row) {
    var r = row.into(SWITCH);
    return new NetworkSwitch(
        r.getId(),
        r.getSiteId(),
        r.getName(),
        r.getRole(),
        r.getDialect(),
        r.getLeafPair(),
        r.getMgmtAddress(),
        r.getSshPort(),
        r.getSnmpPort(),
        r.getSshCredentialId(),
        r.getSnmpCredentialId(),
        r.getCreatedAt(),
        r.getSnmpContext());
  }

  public Optional<NetworkSwitch> findByName(String name) {
    return db.selectFrom(SWITCH).where(SWITCH.NAME.eq(name)).fetchOptional(this::map);
  }

  public List<NetworkSwitch> listBySite(long siteId) {
    return db.selectFrom(SWITCH)
        .where(SWITCH.SITE_ID.eq(siteId))
        .orderBy(SWITCH.NAME)
        .fetch(this::map);
  }
}
