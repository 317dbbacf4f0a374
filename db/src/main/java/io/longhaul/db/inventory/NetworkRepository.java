package io.longhaul.db.inventory;

import static io.longhaul.db.jooq.Tables.NETWORK;

import io.longhaul.db.jooq.tables.records.NetworkRecord;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
public class NetworkRepository extends InventoryRepository<NetworkRecord, Network, Network.Spec> {

  public NetworkRepository(DSLContext db) {
    super(db, NETWORK, NETWORK.ID, "network");
  }

  @Override
  protected NetworkRecord toRecord(Network.Spec spec) {
    NetworkRecord r = super.toRecord(spec);
    r.setLabels(labels(spec.labels()));
    return r;
  }

  @Override
  protected Network map(Record row) {
    return network(row);
  }

  /** The network in a row that holds the network's columns, e.g. a join's. */
  public static Network network(Record row) {
    NetworkRecord r = row.into(NETWORK);
    return new Network(
        r.getId(),
        r.getSiteId(),
        r.getName(),
        List.of(r.getLabels()),
        r.getCidr(),
        r.getGateway(),
        r.getVlan(),
        r.getVni(),
        r.getCreatedAt());
  }

  /** Networks of a site that carry a label, e.g. every {@code prod-env} network of site X. */
  public List<Network> findByLabel(long siteId, String label) {
    return db.selectFrom(NETWORK)
        .where(NETWORK.SITE_ID.eq(siteId))
        .and(NETWORK.LABELS.contains(new String[] {label}))
        .orderBy(NETWORK.ID)
        .fetch(this::map);
  }
}
