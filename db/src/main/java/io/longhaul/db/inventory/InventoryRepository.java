package io.longhaul.db.inventory;

import io.longhaul.db.NotFoundException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.UpdatableRecord;

/**
 * Create, read, update and delete for one inventory table. A spec record's components map to
 * columns by name (siteId ↔ site_id), and so do the domain record's; the database's constraints
 * reject what the API's validation let through.
 */
public abstract class InventoryRepository<R extends UpdatableRecord<R>, T, S> {
  protected final DSLContext db;
  private final Table<R> table;
  private final TableField<R, Long> id;
  private final String kind;

  protected InventoryRepository(
      DSLContext db, Table<R> table, TableField<R, Long> id, String kind) {
    this.db = db;
    this.table = table;
    this.id = id;
    this.kind = kind;
  }

  /** Maps a row to the domain record. */
  protected abstract T map(Record row);

  /** A spec's labels as the {@code text[]} column they go to; none is an empty array. */
  protected static String[] labels(List<String> labels) {
    return labels == null ? new String[0] : labels.toArray(String[]::new);
  }

  /** Columns a spec does not carry but must be written, e.g. a server-side default. */
  protected R toRecord(S spec) {
    return db.newRecord(table, spec);
  }

  public T create(S spec) {
    return map(db.insertInto(table).set(toRecord(spec)).returning().fetchSingle());
  }

  public T update(long key, S spec) {
    R changes = toRecord(spec);
    var updatedAt = table.field("updated_at", OffsetDateTime.class);
    var query = db.update(table).set(changes);
    var withTimestamp = updatedAt == null ? query : query.set(updatedAt, OffsetDateTime.now());
    return withTimestamp
        .where(id.eq(key))
        .returning()
        .fetchOptional()
        .map(this::map)
        .orElseThrow(() -> new NotFoundException(kind, key));
  }

  public Optional<T> find(long key) {
    return db.selectFrom(table).where(id.eq(key)).fetchOptional(this::map);
  }

  public T get(long key) {
    return find(key).orElseThrow(() -> new NotFoundException(kind, key));
  }

  public List<T> list() {
    return db.selectFrom(table).orderBy(id).fetch(this::map);
  }

  public void delete(long key) {
    if (db.deleteFrom(table).where(id.eq(key)).execute() == 0) {
      throw new NotFoundException(kind, key);
    }
  }
}
