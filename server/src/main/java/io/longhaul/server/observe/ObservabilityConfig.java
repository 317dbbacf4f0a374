package io.longhaul.server.observe;

import io.longhaul.db.run.RunGauges;
import io.longhaul.db.security.ApiTokenRepository;
import io.longhaul.drivers.Drivers;
import io.longhaul.drivers.transport.snmp.Snmp4jTransport;
import io.longhaul.drivers.transport.ssh.JschTransport;
import io.longhaul.server.config.LonghaulProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Metrics of the transports and of the runs in flight, and Temporal's health. The SDK's metrics are
 * wired in TemporalConfig, the workers' device-call metrics in WorkerRuntime, run and step metrics
 * where the journal is recorded (activities' RunMeters).
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfig {

  /** Histogram buckets of the timers that have them (and none for the rest). */
  @Bean
  MeterFilter histogramBuckets() {
    return new Buckets();
  }

  /** SSH sessions connected now and SNMP requests that timed out, over every device. */
  @Bean
  MeterBinder transportMeters(Drivers drivers) {
    return registry -> {
      if (drivers.ssh() instanceof JschTransport ssh) {
        Gauge.builder("longhaul.ssh.sessions", ssh, JschTransport::connectedSessions)
            .description("SSH sessions connected (borrowed by a command or idle in a pool)")
            .register(registry);
      }
      if (drivers.snmp() instanceof Snmp4jTransport snmp) {
        FunctionCounter.builder("longhaul.snmp.timeouts", snmp, Snmp4jTransport::timeouts)
            .description("SNMP requests with no answer within the timeout and its retries")
            .register(registry);
      }
    };
  }

  /** Readiness: Temporal answers and knows the namespace. */
  @Bean
  HealthIndicator temporalHealthIndicator(
      WorkflowServiceStubs stubs,
      LonghaulProperties props,
      @Value("${longhaul.health.temporal-timeout:PT2S}") Duration timeout) {
    return new TemporalHealth(stubs, props.temporal().namespace(), timeout);
  }

  /**
   * A worker-only process's metrics and probes, on {@code longhaul.worker.metrics-port}
   * (LONGHAUL_WORKER_METRICSPORT) at {@code LONGHAUL_BIND}; an api process has them on its port.
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnExpression(
      "!'${longhaul.roles:api,worker}'.contains('api') and '${longhaul.worker.metrics-port:}' != ''")
  WorkerListener workerListener(
      PrometheusMeterRegistry registry,
      ApiTokenRepository tokens,
      HealthIndicator temporalHealthIndicator,
      HealthIndicator workersHealthIndicator,
      @Value("${server.address:127.0.0.1}") String bind,
      @Value("${longhaul.worker.metrics-port}") int port) {
    return new WorkerListener(
        bind,
        port,
        registry,
        tokens,
        Map.of("temporal", temporalHealthIndicator, "workers", workersHealthIndicator));
  }

  /**
   * The runs in flight, sampled from PostgreSQL by the api role (every api process exports the same
   * figures: dashboards take the max over instances).
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnExpression("'${longhaul.roles:api,worker}'.contains('api')")
  RunSampler runSampler(
      RunGauges gauges,
      MeterRegistry registry,
      @Value("${longhaul.metrics.sample-every:PT15S}") Duration every) {
    return new RunSampler(gauges, registry, every);
  }
}
