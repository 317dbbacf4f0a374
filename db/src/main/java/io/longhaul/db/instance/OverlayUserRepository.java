package io.longhaul.db.instance;

import static io.longhaul.db.jooq.Tables.OVERLAY_USER;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Reference counts of overlay bindings: a row per (switch, interface, VLAN, user). */
@Repository
public class OverlayUserRepository {
  private final DSLContext db;

  public OverlayUserRepository(DSLContext db) {
    this.db = db;
  }

  /** Adds the user; adding it twice is a no-op. */
  public void add(OverlayUser u) {
    db.insertInto(OVERLAY_USER)
        .set(OVERLAY_USER.SWITCH_ID, u.switchId())
        .set(OVERLAY_USER.INTERFACE, u.interfaceName())
        .set(OVERLAY_USER.VLAN, u.vlan())
        .set(OVERLAY_USER.VNI, u.vni())
        .set(OVERLAY_USER.USER_KEY, u.userKey())
        .onConflictDoNothing()
        .execute();
  }

  /** Removes the user; removing it twice is a no-op. */
  public void remove(OverlayUser u) {
    db.deleteFrom(OVERLAY_USER)
        .where(OVERLAY_USER.SWITCH_ID.eq(u.switchId()))
        .and(OVERLAY_USER.INTERFACE.eq(u.interfaceName()))
        .and(OVERLAY_USER.VLAN.eq(u.vlan()))
        .and(OVERLAY_USER.USER_KEY.eq(u.userKey()))
        .execute();
  }

  public int users(long switchId, String interfaceName, int vlan) {
    return db.fetchCount(
        OVERLAY_USER,
        OVERLAY_USER
            .SWITCH_ID
            .eq(switchId)
            .and(OVERLAY_USER.INTERFACE.eq(interfaceName))
            .and(OVERLAY_USER.VLAN.eq(vlan)));
  }

  public List<OverlayUser> list() {
    return db.selectFrom(OVERLAY_USER)
        .fetch(
            r ->
                new OverlayUser(
                    r.getSwitchId(), r.getInterface(), r.getVlan(), r.getVni(), r.getUserKey()));
  }
}
