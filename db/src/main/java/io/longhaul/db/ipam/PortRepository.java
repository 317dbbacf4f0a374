package io.longhaul.db.ipam;

import static io.longhaul.db.jooq.Tables.IP_FREE;
import static io.longhaul.db.jooq.Tables.IP_PORT;

import io.longhaul.db.jooq.tables.records.IpPortRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Ports and the free list. Call the changing methods inside a transaction: an allocation deletes a
 * free address and inserts the port, and the two must land together.
 */
@Repository
public class PortRepository {
  private final DSLContext db;

  public PortRepository(DSLContext db) {
    this.db = db;
  }

  /**
   * Takes the lowest free address of the network that no concurrent allocation holds (SKIP LOCKED),
   * or empty when the network is full.
   */
  public Optional<Port> allocate(long networkId, String name, String allocationKey) {
    Optional<String> address =
        db.select(IP_FREE.ADDRESS)
            .from(IP_FREE)
            .where(IP_FREE.NETWORK_ID.eq(networkId))
            .orderBy(IP_FREE.ADDRESS)
            .limit(1)
            .forUpdate()
            .skipLocked()
            .fetchOptional(IP_FREE.ADDRESS);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    db.deleteFrom(IP_FREE)
        .where(IP_FREE.NETWORK_ID.eq(networkId))
        .and(IP_FREE.ADDRESS.eq(address.get()))
        .execute();
    return Optional.of(
        map(
            db.insertInto(IP_PORT)
                .set(IP_PORT.NETWORK_ID, networkId)
                .set(IP_PORT.NAME, name)
                .set(IP_PORT.ALLOCATION_KEY, allocationKey)
                .set(IP_PORT.ADDRESS, address.get())
                .returning()
                .fetchSingle()));
  }

  public Optional<Port> find(UUID id) {
    return db.selectFrom(IP_PORT).where(IP_PORT.ID.eq(id)).fetchOptional(this::map);
  }

  public Optional<Port> findByName(String name) {
    return db.selectFrom(IP_PORT).where(IP_PORT.NAME.eq(name)).fetchOptional(this::map);
  }

  public Optional<Port> findByAllocationKey(String key) {
    return db.selectFrom(IP_PORT).where(IP_PORT.ALLOCATION_KEY.eq(key)).fetchOptional(this::map);
  }

  /** Locks the port's row for the rest of the transaction and returns it. */
  public Optional<Port> lock(UUID id) {
    return db.selectFrom(IP_PORT).where(IP_PORT.ID.eq(id)).forUpdate().fetchOptional(this::map);
  }

  /** Sets status, host and instance; the status trigger refuses an illegal transition. */
  public void setBinding(UUID id, String status, Long hypervisorId, String instance) {
    db.update(IP_PORT)
        .set(IP_PORT.STATUS, status)
        .set(IP_PORT.HYPERVISOR_ID, hypervisorId)
        .set(IP_PORT.INSTANCE_NAME, instance)
        .where(IP_PORT.ID.eq(id))
        .execute();
  }

  /** Deletes the port; its address returns to the free list (trigger). */
  public boolean delete(UUID id) {
    return db.deleteFrom(IP_PORT).where(IP_PORT.ID.eq(id)).execute() > 0;
  }

  public List<Port> listByNetwork(long networkId) {
    return db.selectFrom(IP_PORT)
        .where(IP_PORT.NETWORK_ID.eq(networkId))
        .orderBy(IP_PORT.ADDRESS)
        .fetch(this::map);
  }

  public NetworkUsage usage(long networkId) {
    long used = db.fetchCount(IP_PORT, IP_PORT.NETWORK_ID.eq(networkId));
    long free = db.fetchCount(IP_FREE, IP_FREE.NETWORK_ID.eq(networkId));
    return new NetworkUsage(networkId, used, free);
  }

  /** Every port, for tests and audits that look for leftovers. */
  public List<Port> list() {
    return db.selectFrom(IP_PORT).orderBy(IP_PORT.CREATED_AT).fetch(this::map);
  }

  private Port map(IpPortRecord r) {
    return new Port(
        r.getId(),
        r.getNetworkId(),
        r.getName(),
        r.getAllocationKey(),
        r.getAddress().replaceFirst("/\\d+$", ""),
        r.getMac(),
        r.getStatus(),
        r.getHypervisorId(),
        r.getInstanceName(),
        r.getCreatedAt());
  }
}
