package io.longhaul.db.ipam;

import static io.longhaul.db.jooq.Tables.IP_FREE;
import static io.longhaul.db.jooq.Tables.IP_PORT;
import static io.longhaul.db.jooq.Tables.NETWORK;

import io.longhaul.db.inventory.NetworkRepository;
import io.longhaul.db.jooq.tables.records.IpPortRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;

/**
 * Ports and the free list. An allocation is one statement (it takes a free address and inserts the
 * port together); several allocations that must land together go in one transaction.
 */
@Repository
public class PortRepository {
  private final DSLContext db;

  public PortRepository(DSLContext db) {
    this.db = db;
  }

  // One statement, so one round trip and, outside a transaction, one commit: the site and network
  // checked, the lowest free address no concurrent allocation holds taken off the free list
  // (SKIP LOCKED: allocators never wait for each other), the port inserted with it (the MAC is the
  // column's default) and the port returned with its network. The NOT EXISTS guards make it do
  // nothing when the name or allocation key already has a port, so a retry never takes a second
  // address; two racing first attempts are kept apart by the unique constraints (one fails whole).
  private static final String ALLOCATE =
      """
      with net as (
          select n.* from network n join site s on s.id = n.site_id
           where n.id = ? and s.code = ?),
      free as (
          select f.network_id, f.address from ip_free f
           where f.network_id = (select id from net)
             and not exists (select from ip_port where allocation_key = ?::text)
             and not exists (select from ip_port where name = ?::text)
           order by f.address
           limit 1
             for update skip locked),
      taken as (
          delete from ip_free f using free
           where f.network_id = free.network_id and f.address = free.address
          returning f.network_id, f.address),
      port as (
          insert into ip_port (network_id, name, allocation_key, address)
          select network_id, ?::text, ?::text, address from taken
          returning *)
      select %s, %s from port p, net n
      """
          .formatted(columns("p", IP_PORT.fields()), columns("n", NETWORK.fields()));

  private static final Field<?>[] ALLOCATED =
      Stream.of(IP_PORT.fields(), NETWORK.fields()).flatMap(Stream::of).toArray(Field<?>[]::new);

  /**
   * Allocates a new port on the network, which must belong to the site: the lowest free address
   * that no concurrent allocation holds. Empty when the network is full, is not the site's, does
   * not exist, or when a port already has the name or allocation key (look those up to tell which).
   */
  public Optional<Allocation> allocate(
      String site, long networkId, String name, String allocationKey) {
    return db.resultQuery(ALLOCATE, networkId, site, allocationKey, name, name, allocationKey)
        .coerce(ALLOCATED)
        .fetchOptional(
            r -> new Allocation(map(r.into(IP_PORT)), NetworkRepository.network(r.into(NETWORK))));
  }

  private static String columns(String alias, Field<?>[] fields) {
    return Stream.of(fields).map(f -> alias + "." + f.getName()).collect(Collectors.joining(", "));
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
