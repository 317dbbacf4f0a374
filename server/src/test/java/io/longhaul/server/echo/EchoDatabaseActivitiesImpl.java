package io.longhaul.server.echo;

import io.temporal.activity.Activity;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;

/** Real statements against the real database, so its real errors reach the worker. */
public class EchoDatabaseActivitiesImpl implements EchoDatabaseActivities {
  public final AtomicInteger attempts = new AtomicInteger();
  private final DSLContext db;

  public EchoDatabaseActivitiesImpl(DSLContext db) {
    this.db = db;
  }

  @Override
  public String write(String mode) {
    attempts.incrementAndGet();
    String runId = Activity.getExecutionContext().getInfo().getWorkflowId();
    if ("refuse".equals(mode)) {
      // run_event's kind check refuses an unknown kind: the fault test's constraint violation.
      db.execute(
          "insert into run_event (run_id, seq, step, kind) values (?, 100000, 'record', 'bogus')",
          runId);
    } else if (mode.startsWith("locked:")) {
      db.fetch(
          "select 1 from app_user where username = ? for update nowait",
          mode.substring("locked:".length()));
    }
    return "written:" + mode;
  }
}
