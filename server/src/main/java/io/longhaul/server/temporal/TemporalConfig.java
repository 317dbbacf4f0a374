package io.longhaul.server.temporal;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.longhaul.server.config.LonghaulProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class TemporalConfig {

  /** Only in embedded mode; its port feeds the client's target. */
  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(
      name = "longhaul.temporal.mode",
      havingValue = "embedded",
      matchIfMissing = true)
  EmbeddedTemporalServer embeddedTemporal(LonghaulProperties props) {
    var t = props.temporal();
    return new EmbeddedTemporalServer(t.embeddedHost(), t.embeddedPort());
  }

  /**
   * The SDK's own metrics (schedule-to-start latency, task slots, poll failures, sticky cache) into
   * the application's registry, so /actuator/prometheus shows them beside Longhaul's. The client
   * and every worker of this process report through the stubs' scope.
   */
  @Bean(destroyMethod = "close")
  Scope temporalMetricsScope(MeterRegistry registry) {
    return new RootScopeBuilder()
        .reporter(new MicrometerClientStatsReporter(registry))
        .reportEvery(com.uber.m3.util.Duration.ofSeconds(10));
  }

  @Bean(destroyMethod = "shutdownNow")
  WorkflowServiceStubs workflowServiceStubs(
      LonghaulProperties props, ObjectProvider<EmbeddedTemporalServer> embedded, Scope metrics) {
    var t = props.temporal();
    WorkflowServiceStubsOptions.Builder options =
        WorkflowServiceStubsOptions.newBuilder().setMetricsScope(metrics);
    Optional<EmbeddedTemporalServer> server = Optional.ofNullable(embedded.getIfAvailable());
    if (server.isPresent()) {
      options.setChannel(server.get().inProcessChannel());
    } else {
      options.setTarget(t.target());
      if (t.tls().enabled()) {
        options.setSslContext(sslContext(t.tls()));
      }
    }
    return WorkflowServiceStubs.newServiceStubs(options.build());
  }

  @Bean
  WorkflowClient workflowClient(WorkflowServiceStubs stubs, LonghaulProperties props) {
    return WorkflowClient.newInstance(
        stubs,
        WorkflowClientOptions.newBuilder().setNamespace(props.temporal().namespace()).build());
  }

  private static SslContext sslContext(LonghaulProperties.Tls tls) {
    try {
      var builder = GrpcSslContexts.forClient();
      if (tls.certChain() != null && tls.privateKey() != null) {
        builder.keyManager(tls.certChain().toFile(), tls.privateKey().toFile());
      }
      if (tls.trustCert() != null) {
        builder.trustManager(tls.trustCert().toFile());
      }
      return builder.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load Temporal TLS material", e);
    }
  }
}
