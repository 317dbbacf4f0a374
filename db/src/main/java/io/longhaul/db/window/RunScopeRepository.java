package io.longhaul.db.window;

import static io.longhaul.db.jooq.Tables.RUN;
import static io.longhaul.db.jooq.Tables.RUN_SCOPE;

import io.longhaul.contracts.vocabulary.RunStatus;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Which scopes each run's gated steps declared, so changes reach exactly the affected runs. */
@Repository
public class RunScopeRepository {
  private final DSLContext db;

  public RunScopeRepository(DSLContext db) {
    this.db = db;
  }

  public void record(String runId, List<String> scopes) {
    for (String scope : scopes) {
      db.insertInto(RUN_SCOPE)
          .set(RUN_SCOPE.RUN_ID, runId)
          .set(RUN_SCOPE.SCOPE, scope)
          .onConflictDoNothing()
          .execute();
    }
  }

  /** Live runs that declared any of these scopes; null scopes means every gated live run. */
  public List<String> liveRuns(List<String> scopes) {
    var live = RUN.STATUS.in(RunStatus.LIVE.stream().map(RunStatus::value).toList());
    var condition = scopes == null ? live : live.and(RUN_SCOPE.SCOPE.in(scopes));
    return db.selectDistinct(RUN_SCOPE.RUN_ID)
        .from(RUN_SCOPE)
        .join(RUN)
        .on(RUN.ID.eq(RUN_SCOPE.RUN_ID))
        .where(condition)
        .orderBy(RUN_SCOPE.RUN_ID)
        .fetch(RUN_SCOPE.RUN_ID);
  }
}
