package io.longhaul.workflows.spawn;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.spawn.LeafConfigState;
import io.longhaul.contracts.spawn.LeafConfigWorkflow;
import io.longhaul.contracts.spawn.OverlayActivities;
import io.longhaul.contracts.spawn.OverlayBatch;
import io.longhaul.contracts.spawn.OverlayPush;
import io.longhaul.contracts.spawn.OverlayRequest;
import io.longhaul.contracts.spawn.OverlayResult;
import io.longhaul.contracts.spawn.PushResult;
import io.longhaul.contracts.spawn.SwitchActivities;
import io.longhaul.workflows.common.ActivityProfiles;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One per leaf. Requests arrive as updates and wait in {@code pending}; the main loop takes all of
 * them (up to {@link #MAX_BATCH}) after a short linger, counts references, pushes one transaction
 * and answers every requester of the batch. Requests arriving during a push form the next batch, so
 * a burst costs a handful of sessions, never one per spawn, and sessions never interleave. History
 * stays bounded: the workflow continues as new after {@link #BATCHES_PER_RUN} batches or when idle,
 * once every handler has answered.
 *
 * <p>Since {@link #GROUP_COMMIT} an idle leaf pushes a request at once and lingers only while a
 * burst is under way (the previous push ended less than a linger ago), and the reference counting
 * runs as a local activity: it needs no activity slot on the workflow queue, where requesters may
 * hold every slot while they wait for this workflow's answer.
 */
public class LeafConfigWorkflowImpl implements LeafConfigWorkflow {
  static final int MAX_BATCH = 200;
  static final int BATCHES_PER_RUN = 100;
  static final Duration IDLE = Duration.ofMinutes(30);
  static final String GROUP_COMMIT = "group-commit";

  private final OverlayActivities remoteCount =
      Workflow.newActivityStub(
          OverlayActivities.class, ActivityProfiles.shortCall(TaskQueues.WORKFLOWS));
  private final OverlayActivities localCount =
      Workflow.newLocalActivityStub(OverlayActivities.class, ActivityProfiles.databaseStep());
  private boolean groupCommit;

  /** When the last push ended, -1 before the first. */
  private long lastPushEnded = -1;

  private final List<Ticket> pending = new ArrayList<>();
  private final Map<Integer, Outcome> outcomes = new HashMap<>();
  private int nextTicket;

  /** A waiting update; the ticket tells apart two updates carrying one request id. */
  private record Ticket(int id, OverlayRequest request) {}

  /** A requester's answer: a result, or the batch's failure. */
  private record Outcome(OverlayResult result, ApplicationFailure failure) {}

  @Override
  public void run(LeafConfigState state) {
    SwitchActivities switches =
        Workflow.newActivityStub(
            SwitchActivities.class, ActivityProfiles.deviceChange(TaskQueues.site(state.site())));
    String prefix = "lc" + Workflow.getInfo().getRunId().substring(0, 8) + "-";
    groupCommit = Workflow.getVersion(GROUP_COMMIT, Workflow.DEFAULT_VERSION, 1) >= 1;
    long linger = state.lingerOrDefault();
    long batches = 0;
    while (batches < BATCHES_PER_RUN) {
      if (!Workflow.await(IDLE, () -> !pending.isEmpty())) {
        break;
      }
      if (!groupCommit || inBurst(linger)) {
        // Let the rest of a burst arrive: one session for all of them.
        Workflow.sleep(Duration.ofMillis(linger));
      }
      List<Ticket> batch = new ArrayList<>(pending.subList(0, Math.min(MAX_BATCH, pending.size())));
      pending.subList(0, batch.size()).clear();
      push(switches, prefix + batches, state.switchName(), batch);
      batches++;
    }
    // Requests that came in meanwhile are answered before the history is handed over.
    while (!pending.isEmpty()) {
      List<Ticket> batch = new ArrayList<>(pending);
      pending.clear();
      push(switches, prefix + batches++, state.switchName(), batch);
    }
    Workflow.await(Workflow::isEveryHandlerFinished);
    Workflow.continueAsNew(
        new LeafConfigState(
            state.switchName(), state.site(), state.batches() + batches, state.lingerMillis()));
  }

  private boolean inBurst(long linger) {
    return lastPushEnded >= 0 && Workflow.currentTimeMillis() - lastPushEnded < linger;
  }

  private void push(
      SwitchActivities switches, String batchId, String switchName, List<Ticket> tickets) {
    OverlayBatch batch =
        new OverlayBatch(batchId, switchName, tickets.stream().map(Ticket::request).toList());
    try {
      OverlayPush push = (groupCommit ? localCount : remoteCount).count(batch);
      boolean changed = false;
      if (!push.empty()) {
        PushResult r = switches.pushOverlay(push);
        changed = r.changed();
      }
      for (Ticket t : tickets) {
        outcomes.put(
            t.id(),
            new Outcome(
                new OverlayResult(t.request().requestId(), switchName, batchId, changed), null));
      }
    } catch (ActivityFailure e) {
      ApplicationFailure failure = asApplicationFailure(batch.batchId(), e);
      tickets.forEach(t -> outcomes.put(t.id(), new Outcome(null, failure)));
    }
    lastPushEnded = Workflow.currentTimeMillis();
  }

  /** The push's typed failure, kept non-retryable if it was, so requesters do not loop on it. */
  private static ApplicationFailure asApplicationFailure(String batchId, ActivityFailure e) {
    if (e.getCause() instanceof ApplicationFailure af) {
      String message = "batch " + batchId + ": " + af.getOriginalMessage();
      return af.isNonRetryable()
          ? ApplicationFailure.newNonRetryableFailure(message, af.getType())
          : ApplicationFailure.newFailure(message, af.getType());
    }
    return ApplicationFailure.newFailure(
        "batch " + batchId + ": " + e.getMessage(), e.getClass().getSimpleName());
  }

  @Override
  public OverlayResult change(OverlayRequest request) {
    Ticket ticket = new Ticket(nextTicket++, request);
    pending.add(ticket);
    Workflow.await(() -> outcomes.containsKey(ticket.id()));
    Outcome o = outcomes.remove(ticket.id());
    if (o.failure() != null) {
      throw o.failure();
    }
    return o.result();
  }

  @Override
  public void validateChange(OverlayRequest request) {
    if (!OverlayRequest.APPLY.equals(request.action())
        && !OverlayRequest.REMOVE.equals(request.action())) {
      throw new IllegalArgumentException("action must be apply or remove: " + request.action());
    }
    if (request.bindings().isEmpty()) {
      throw new IllegalArgumentException("a change needs at least one binding");
    }
  }
}
