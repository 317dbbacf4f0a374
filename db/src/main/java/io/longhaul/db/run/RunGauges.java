package io.longhaul.db.run;

import static io.longhaul.db.jooq.Tables.LEASE_WAITER;
import static io.longhaul.db.jooq.Tables.RUN;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.selectOne;

import io.longhaul.contracts.vocabulary.RunStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What the metrics sample of the runs in flight: one grouped read of the live runs, cheap on the
 * status index however many runs have ended.
 */
@Repository
public class RunGauges {
  private final DSLContext db;

  public RunGauges(DSLContext db) {
    this.db = db;
  }

  /**
   * Live runs by operation and what holds them. {@code hold} is the status, except that a waiting
   * run queued for a lease is {@code lease} and any other waiting run {@code window} (the window
   * gate or a condition wait). {@code since} is the oldest last change of the group: a parked run
   * changes nothing until an operator answers, so it is when the oldest of them parked.
   */
  public record Live(String operation, String hold, int runs, OffsetDateTime since) {}

  public List<Live> live() {
    Field<String> hold =
        DSL.when(
                RUN.STATUS
                    .eq(RunStatus.WAITING.value())
                    .and(
                        DSL.exists(
                            selectOne().from(LEASE_WAITER).where(LEASE_WAITER.RUN_ID.eq(RUN.ID)))),
                DSL.inline("lease"))
            .when(RUN.STATUS.eq(RunStatus.WAITING.value()), DSL.inline("window"))
            .otherwise(RUN.STATUS)
            .as("hold");
    return db.select(RUN.OPERATION, hold, count(), min(RUN.UPDATED_AT))
        .from(RUN)
        .where(RUN.STATUS.in(RunStatus.liveValues()))
        // by position: the first two columns (the hold is an expression)
        .groupBy(DSL.inline(1), DSL.inline(2))
        .fetch(r -> new Live(r.value1(), r.value2(), r.value3(), r.value4()));
  }
}
