package io.longhaul.server.observe;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Temporal is up for Longhaul when the frontend answers DescribeNamespace for its namespace within
 * the timeout. The embedded test server does not implement that call; an UNIMPLEMENTED answer still
 * proves the connection, and its one namespace always exists.
 */
final class TemporalHealth implements HealthIndicator {
  private final WorkflowServiceStubs stubs;
  private final String namespace;
  private final Duration timeout;

  TemporalHealth(WorkflowServiceStubs stubs, String namespace, Duration timeout) {
    this.stubs = stubs;
    this.namespace = namespace;
    this.timeout = timeout;
  }

  @Override
  public Health health() {
    try {
      stubs
          .blockingStub()
          .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
      return Health.up().withDetail("namespace", namespace).build();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Health.up().withDetail("namespace", namespace).build();
      }
      return Health.down()
          .withDetail("namespace", namespace)
          .withDetail("error", e.getStatus().getCode().name())
          .build();
    }
  }
}
