package io.longhaul.activities.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.contracts.run.ChildRunActivities;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Inserts child run records (pending) of any operation, with the parent's requester and reason. */
@Component
public class ChildRunActivitiesImpl implements ChildRunActivities {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final RunRepository runs;
  private final TransactionTemplate tx;

  public ChildRunActivitiesImpl(RunRepository runs, PlatformTransactionManager transactions) {
    this.runs = runs;
    this.tx = new TransactionTemplate(transactions);
  }

  @Override
  public void register(ChildRuns request) {
    Run parent = runs.get(request.parentRunId());
    tx.executeWithoutResult(
        s -> {
          for (ChildRun child : request.children()) {
            if (runs.find(child.runId()).isPresent()) {
              continue;
            }
            runs.insertPending(
                new Run.NewRun(
                    child.runId(),
                    request.operation(),
                    json(child),
                    parent.siteCode(),
                    parent.requestedBy(),
                    "part of run " + parent.id() + ": " + parent.reason(),
                    null,
                    null));
          }
        });
  }

  private static String json(ChildRun child) {
    try {
      return JSON.writeValueAsString(child.input());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
