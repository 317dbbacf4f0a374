package io.longhaul.workflows.common;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.control.JournalCarry;
import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.run.BulkOutcome;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Small operations written only with the step library, and the device they act on. */
final class LibraryWorkflows {
  private LibraryWorkflows() {}

  /** A device whose answers the test sets: failing targets refuse, backlogs drain per poll. */
  @ActivityInterface
  public interface Device {
    String push(String target);

    int backlog(String target);

    void unreserve(String port);
  }

  static final class FakeDevice implements Device {
    final Set<String> refusing = ConcurrentHashMap.newKeySet();
    final List<String> pushed = new CopyOnWriteArrayList<>();
    final List<String> released = new CopyOnWriteArrayList<>();
    final AtomicInteger backlog = new AtomicInteger();

    @Override
    public String push(String target) {
      if (refusing.contains(target)) {
        throw ApplicationFailure.newNonRetryableFailure(target + " refused", "CommandRejected");
      }
      pushed.add(target);
      return "ok " + target;
    }

    @Override
    public int backlog(String target) {
      return Math.max(0, backlog.getAndAdd(-10));
    }

    @Override
    public void unreserve(String lease) {
      released.add(lease);
    }
  }

  static Device device() {
    return Workflow.newActivityStub(
        Device.class,
        ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(
                RetryOptions.newBuilder()
                    .setMaximumAttempts(2)
                    .setInitialInterval(Duration.ofMillis(10))
                    .build())
            .build());
  }

  // ---- forEach ----

  @WorkflowInterface
  public interface FanOut extends OperatorControlled {
    @WorkflowMethod
    Map<String, String> push(List<String> targets);
  }

  public static class FanOutImpl extends ControlledWorkflow implements FanOut {
    @Override
    public Map<String, String> push(List<String> targets) {
      Device device = device();
      return journal.run(
          () ->
              journal.forEach(
                  targets,
                  2,
                  t -> journal.step(Step.of("push", t, String.class), () -> device.push(t))));
    }
  }

  // ---- wait for a condition ----

  @WorkflowInterface
  public interface Drain extends OperatorControlled {
    @WorkflowMethod
    int drain(long deadlineSeconds);
  }

  public static class DrainImpl extends ControlledWorkflow implements Drain {
    @Override
    public int drain(long deadlineSeconds) {
      Device device = device();
      return journal.run(
          () ->
              ConditionWait.of("drain", "nn1", "0 blocks under-replicated", Integer.class)
                  .polling(Duration.ofSeconds(5), Duration.ofSeconds(20))
                  .deadline(Duration.ofSeconds(deadlineSeconds))
                  .await(journal, () -> device.backlog("nn1"), n -> n == 0));
    }
  }

  // ---- a named compensation owed across continue-as-new ----

  @WorkflowInterface
  public interface Carried extends OperatorControlled {
    @WorkflowMethod
    String run(CarriedInput input);
  }

  record CarriedInput(int execution, JournalCarry carry) {}

  public static class CarriedImpl extends ControlledWorkflow implements Carried {
    @Override
    public String run(CarriedInput in) {
      Device device = device();
      journal.resume(in.carry());
      journal.undo("release", String.class, device::unreserve);
      return journal.run(
          () -> {
            if (in.execution() == 1) {
              journal.step(
                  Step.of("reserve", "port-7", String.class).compensatedBy("release", "port-7"),
                  () -> device.push("port-7"));
              journal.continueAsNew(carry -> new CarriedInput(2, carry));
            }
            return journal.step(
                Step.of("bind", "leaf-1", String.class), () -> device.push("leaf-1"));
          });
    }
  }

  // ---- bulk child runs ----

  @WorkflowInterface
  public interface Bulk extends OperatorControlled {
    @WorkflowMethod
    BulkOutcome run(BulkInput input);
  }

  record BulkInput(int count, int batchSize, JournalCarry carry) {
    BulkInput carrying(JournalCarry next) {
      return new BulkInput(count, batchSize, next);
    }
  }

  public static class BulkImpl extends ControlledWorkflow implements Bulk {
    @Override
    public BulkOutcome run(BulkInput in) {
      journal.resume(in.carry());
      BulkRuns<Integer> children = new BulkRuns<>("echo", "Echo", in.batchSize(), 4, in::carrying);
      return journal.run(() -> children.run(journal, in.count(), null, i -> i, i -> "child " + i));
    }
  }

  /** The child operation: one step; every 97th child fails. */
  @WorkflowInterface
  public interface Echo extends OperatorControlled {
    @WorkflowMethod(name = "Echo")
    int echo(int n);
  }

  public static class EchoImpl extends ControlledWorkflow implements Echo {
    @Override
    public int echo(int n) {
      journal.giveUpAfter(Duration.ZERO);
      return journal.run(
          () ->
              journal.step(
                  "echo",
                  String.valueOf(n),
                  () -> {
                    if (n % 97 == 0) {
                      throw ApplicationFailure.newNonRetryableFailure("no " + n, "CommandRejected");
                    }
                    return n;
                  }));
    }
  }

  static final String QUEUE = TaskQueues.WORKFLOWS;
}
