package io.longhaul.db.inventory;

import static io.longhaul.db.jooq.Tables.CLUSTER;

import io.longhaul.db.jooq.tables.records.ClusterRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

@Repository
public class ClusterRepository extends InventoryRepository<ClusterRecord, Cluster, Cluster.Spec> {

  public ClusterRepository(DSLContext db) {
    super(db, CLUSTER, CLUSTER.ID, "cluster");
  }

  @Override
  protected ClusterRecord toRecord(Cluster.Spec spec) {
    ClusterRecord r = super.toRecord(spec);
    r.setLabels(labels(spec.labels()));
    return r;
  }

  @Override
  protected Cluster map(Record row) {
    ClusterRecord r = row.into(CLUSTER);
    return new Cluster(
        r.getId(),
        r.getSiteId(),
        r.getName(),
        r.getKind(),
        r.getBaseUrl(),
        r.getCredentialId(),
        r.getTrustPem(),
        List.of(r.getLabels()),
        r.getCreatedAt());
  }

  public Optional<Cluster> findByName(String name) {
    return db.selectFrom(CLUSTER).where(CLUSTER.NAME.eq(name)).fetchOptional(this::map);
  }

  public List<Cluster> listBySite(long siteId) {
    return db.selectFrom(CLUSTER)
        .where(CLUSTER.SITE_ID.eq(siteId))
        .orderBy(CLUSTER.NAME)
        .fetch(this::map);
  }
}
