package io.longhaul.workflows.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.FailureTypes;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.cluster.ClusterActivities;
import io.longhaul.contracts.cluster.ClusterProbeInput;
import io.longhaul.contracts.cluster.ClusterProbeWorkflow;
import io.longhaul.contracts.cluster.ClusterRequest;
import io.longhaul.contracts.cluster.ClusterStatus;
import io.longhaul.contracts.control.Decision;
import io.longhaul.contracts.control.PendingDecision;
import io.longhaul.workflows.common.JournalFakes;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("The cluster-probe workflow")
class ClusterProbeWorkflowTest {

  @RegisterExtension
  static final TestWorkflowExtension temporal =
      TestWorkflowExtension.newBuilder().setDoNotStart(true).build();

  /** Answers from the clusters queue; refuses the credential while {@code refuse} is set. */
  static final class Clusters implements ClusterActivities {
    final AtomicBoolean refuse = new AtomicBoolean();
    final List<String> probed = new CopyOnWriteArrayList<>();

    @Override
    public ClusterStatus probe(ClusterRequest request) {
      probed.add(request.cluster());
      if (refuse.get()) {
        throw ApplicationFailure.newNonRetryableFailure(
            request.cluster() + ": authentication failed: HTTP 401",
            FailureTypes.AUTHENTICATION_FAILED);
      }
      return new ClusterStatus(request.cluster(), "mesh", "1.24.2", true, "ok");
    }
  }

  static ClusterProbeWorkflow start(
      TestWorkflowEnvironment env, Clusters clusters, JournalFakes j) {
    var workflows = env.newWorker(TaskQueues.WORKFLOWS);
    workflows.registerWorkflowImplementationTypes(ClusterProbeWorkflowImpl.class);
    workflows.registerActivitiesImplementations(j);
    // Only the clusters queue serves the cluster activities: a probe sent elsewhere never runs.
    env.newWorker(TaskQueues.CLUSTERS).registerActivitiesImplementations(clusters);
    env.start();
    return env.getWorkflowClient()
        .newWorkflowStub(
            ClusterProbeWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("probe-test")
                .setTaskQueue(TaskQueues.WORKFLOWS)
                .build());
  }

  @Test
  @DisplayName("probes the cluster on the clusters queue and returns what it said")
  void probes(TestWorkflowEnvironment env) {
    var clusters = new Clusters();
    var journal = new JournalFakes();
    ClusterStatus status = start(env, clusters, journal).probe(new ClusterProbeInput("sha-mesh"));
    assertThat(status).isEqualTo(new ClusterStatus("sha-mesh", "mesh", "1.24.2", true, "ok"));
    assertThat(clusters.probed).containsExactly("sha-mesh");
    assertThat(journal.kinds()).containsExactly("probe started", "probe succeeded");
    assertThat(journal.outcomes).extracting(o -> o.status()).containsExactly("succeeded");
  }

  @Test
  @DisplayName("parks on a refused credential, and a retry after the fix succeeds")
  void parksThenRetries(TestWorkflowEnvironment env) throws Exception {
    var clusters = new Clusters();
    clusters.refuse.set(true);
    var journal = new JournalFakes();
    ClusterProbeWorkflow stub = start(env, clusters, journal);
    WorkflowClient.start(stub::probe, new ClusterProbeInput("sha-mesh"));

    PendingDecision pending = awaitPending(stub);
    assertThat(pending.step()).isEqualTo("probe");
    assertThat(pending.target()).isEqualTo("sha-mesh");
    assertThat(pending.errorType()).isEqualTo(FailureTypes.AUTHENTICATION_FAILED);
    assertThat(clusters.probed).hasSize(1); // non-retryable: one attempt, then the operator

    clusters.refuse.set(false);
    stub.decide(new Decision("retry", "probe", "sha-mesh", null, "op", "token rotated"));
    ClusterStatus status = WorkflowStub.fromTyped(stub).getResult(ClusterStatus.class);
    assertThat(status.healthy()).isTrue();
    assertThat(journal.outcomes).extracting(o -> o.status()).containsExactly("succeeded");
  }

  static PendingDecision awaitPending(ClusterProbeWorkflow stub) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      var pending = stub.progress().pending();
      if (!pending.isEmpty()) {
        return pending.getFirst();
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the run never parked");
  }
}
