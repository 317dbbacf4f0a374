package io.longhaul.server.observe;

import io.longhaul.db.run.RunGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the live runs every {@code every}, not per scrape: a scrape never waits on PostgreSQL,
 * and one grouped query serves every series. {@code longhaul.runs.live} counts them by operation
 * and hold (running, needs_attention, awaiting_approval, lease, window, pending); {@code
 * longhaul.runs.held.age} is the age of the oldest of each group's last change, so an alert sees a
 * run parked for an hour without a series per run.
 */
final class RunSampler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(RunSampler.class);

  private final RunGauges gauges;
  private final MultiGauge live;
  private final MultiGauge age;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("run-sampler").factory());

  RunSampler(RunGauges gauges, MeterRegistry registry, Duration every) {
    this.gauges = gauges;
    this.live =
        MultiGauge.builder("longhaul.runs.live")
            .description("Live runs by operation and what holds them")
            .register(registry);
    this.age =
        MultiGauge.builder("longhaul.runs.held.age")
            .description("Seconds since the oldest last change of the live runs of each group")
            .baseUnit("seconds")
            .register(registry);
    timer.scheduleWithFixedDelay(this::sample, 0, every.toMillis(), TimeUnit.MILLISECONDS);
  }

  void sample() {
    try {
      List<RunGauges.Live> rows = gauges.live();
      OffsetDateTime now = OffsetDateTime.now();
      live.register(
          rows.stream()
              .map(r -> MultiGauge.Row.of(tags(r), r.runs()))
              .map(row -> (MultiGauge.Row<?>) row)
              .toList(),
          true);
      age.register(
          rows.stream()
              .map(
                  r ->
                      MultiGauge.Row.of(
                          tags(r), Math.max(0, Duration.between(r.since(), now).toSeconds())))
              .map(row -> (MultiGauge.Row<?>) row)
              .toList(),
          true);
    } catch (RuntimeException e) {
      // PostgreSQL away: readiness says so; the gauges keep their last sample meanwhile.
      log.debug("sampling live runs failed: {}", e.getMessage());
    }
  }

  private static Tags tags(RunGauges.Live r) {
    return Tags.of("operation", r.operation(), "hold", r.hold());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
