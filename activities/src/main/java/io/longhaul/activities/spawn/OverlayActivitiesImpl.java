package io.longhaul.activities.spawn;

import io.longhaul.activities.AsyncReplies;
import io.longhaul.activities.Failures;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.spawn.LeafBinding;
import io.longhaul.contracts.spawn.LeafConfigState;
import io.longhaul.contracts.spawn.LeafConfigWorkflow;
import io.longhaul.contracts.spawn.OverlayActivities;
import io.longhaul.contracts.spawn.OverlayBatch;
import io.longhaul.contracts.spawn.OverlayPush;
import io.longhaul.contracts.spawn.OverlayRequest;
import io.longhaul.contracts.spawn.OverlayResult;
import io.longhaul.db.instance.OverlayUser;
import io.longhaul.db.instance.OverlayUserRepository;
import io.longhaul.db.inventory.NetworkSwitch;
import io.longhaul.db.inventory.SwitchRepository;
import io.temporal.activity.Activity;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requester's side of a leaf's configuration workflow, and its reference counts. {@link
 * #submit} starts the leaf's workflow if it is not running (update-with-start) and completes when
 * the batch that carries the request is pushed, asynchronously (see {@link AsyncReplies}).
 */
@Component
public class OverlayActivitiesImpl implements OverlayActivities {
  private final WorkflowClient temporal;
  private final SwitchRepository switches;
  private final OverlayUserRepository users;
  private final TransactionTemplate tx;
  private final AsyncReplies replies;

  public OverlayActivitiesImpl(
      WorkflowClient temporal,
      AsyncReplies replies,
      SwitchRepository switches,
      OverlayUserRepository users,
      PlatformTransactionManager transactions) {
    this.temporal = temporal;
    this.replies = replies;
    this.switches = switches;
    this.users = users;
    this.tx = new TransactionTemplate(transactions);
  }

  @Override
  public OverlayResult submit(OverlayRequest request) {
    LeafConfigWorkflow leaf =
        temporal.newWorkflowStub(
            LeafConfigWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(LeafConfigWorkflow.workflowId(request.switchName()))
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    // A retried attempt is a new update: the failed one's outcome is final for its update id. An
    // operator's retry of the step schedules a new activity (attempt 1 again), so the activity id
    // is part of the id too; without it the retry would get the first failure back.
    var context = Activity.getExecutionContext();
    WorkflowUpdateHandle<OverlayResult> handle;
    try {
      handle =
          WorkflowClient.startUpdateWithStart(
              leaf::change,
              request,
              UpdateOptions.<OverlayResult>newBuilder()
                  .setUpdateId(
                      request.requestId()
                          + "#"
                          + context.getInfo().getActivityId()
                          + "#"
                          + context.getInfo().getAttempt())
                  .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                  .build(),
              new WithStartWorkflowOperation<>(
                  leaf::run, new LeafConfigState(request.switchName(), request.site(), 0, null)));
    } catch (WorkflowUpdateException e) {
      throw rethrow(e);
    }
    // The answer may take a while (a batch, a slow switch): wait for it without holding a slot.
    return replies.completeLater(
        handle.getResultAsync(),
        error ->
            error instanceof WorkflowUpdateException u
                ? rethrow(u)
                : Failures.unexpected(
                    error.getClass().getSimpleName(),
                    "waiting for " + request.switchName() + ": " + error.getMessage()));
  }

  /** The batch's failure as this activity's, keeping its type and retryability. */
  private static ApplicationFailure rethrow(WorkflowUpdateException e) {
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof ApplicationFailure)) {
      cause = cause.getCause();
    }
    if (cause instanceof ApplicationFailure af) {
      return Failures.passOn(af);
    }
    return Failures.unexpected("Unknown", "overlay change failed: " + e.getMessage());
  }

  @Override
  public OverlayPush count(OverlayBatch batch) {
    return tx.execute(
        s -> {
          NetworkSwitch sw =
              switches
                  .findByName(batch.switchName())
                  .orElseThrow(
                      () ->
                          Failures.notFound("switch " + batch.switchName() + " not in inventory"));
          Set<LeafBinding> touchedByApply = new LinkedHashSet<>();
          Set<LeafBinding> touchedByRemove = new LinkedHashSet<>();
          for (OverlayRequest r : batch.requests()) {
            for (LeafBinding b : r.bindings()) {
              var user =
                  new OverlayUser(sw.id(), b.interfaceName(), b.vlan(), b.vni(), r.userKey());
              if (OverlayRequest.APPLY.equals(r.action())) {
                users.add(user);
                touchedByApply.add(b);
              } else {
                users.remove(user);
                touchedByRemove.add(b);
              }
            }
          }
          // Counted after the whole batch, so an apply and a remove of one binding net out.
          var apply =
              touchedByApply.stream()
                  .filter(b -> users.users(sw.id(), b.interfaceName(), b.vlan()) > 0)
                  .toList();
          var remove =
              touchedByRemove.stream()
                  .filter(b -> users.users(sw.id(), b.interfaceName(), b.vlan()) == 0)
                  .toList();
          return new OverlayPush(batch.batchId(), batch.switchName(), apply, remove);
        });
  }
}
