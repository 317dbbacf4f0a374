package io.longhaul.workers;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Activity failures as operators see them")
class OperatorSafeFailuresTest {
  @ActivityInterface
  public interface Probe {
    void fail(String how);
  }

  public static class ProbeImpl implements Probe {
    @Override
    public void fail(String how) {
      if (how.equals("typed")) {
        throw ApplicationFailure.newNonRetryableFailure("sha-hv1: rejected", "CommandRejected");
      }
      throw new IllegalStateException(
          "ERROR: insert into host_link (nic) values ('eth0\\u0000') violates check constraint");
    }
  }

  @WorkflowInterface
  public interface Caller {
    @WorkflowMethod
    void call(String how);
  }

  public static class CallerImpl implements Caller {
    @Override
    public void call(String how) {
      Workflow.newActivityStub(
              Probe.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(10))
                  .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                  .build())
          .fail(how);
    }
  }

  TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new OperatorSafeFailures())
                        .build())
                .build());
    var worker = env.newWorker("q");
    worker.registerWorkflowImplementationTypes(CallerImpl.class);
    worker.registerActivitiesImplementations(new ProbeImpl());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  ApplicationFailure cause(String how) {
    var caller =
        env.getWorkflowClient()
            .newWorkflowStub(Caller.class, WorkflowOptions.newBuilder().setTaskQueue("q").build());
    try {
      caller.call(how);
    } catch (WorkflowFailedException e) {
      return (ApplicationFailure) ((ActivityFailure) e.getCause()).getCause();
    }
    throw new AssertionError("the workflow did not fail");
  }

  @Test
  @DisplayName("an unexpected exception becomes an incident: no SQL, no class name")
  void unexpected() {
    var failure = cause("bug");
    assertThat(failure.getType()).isEqualTo(OperatorSafeFailures.INTERNAL_ERROR);
    assertThat(failure.getOriginalMessage())
        .startsWith("Fail failed unexpectedly (incident ")
        .doesNotContain("IllegalStateException")
        .doesNotContain("insert into");
  }

  @Test
  @DisplayName("a typed failure passes as it is")
  void typed() {
    var failure = cause("typed");
    assertThat(failure.getType()).isEqualTo("CommandRejected");
    assertThat(failure.getOriginalMessage()).isEqualTo("sha-hv1: rejected");
  }
}
