package io.longhaul.api.run;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciler's settings under {@code longhaul.reconciler.*}. After the start pass it runs every
 * {@code every} over the live runs whose record has been quiet for {@code quietFor}, so a run ended
 * outside the API is settled at most {@code every + quietFor} after its last event (40 s by
 * default). {@code resume} false marks lost runs failed instead of resuming them.
 */
@ConfigurationProperties("longhaul.reconciler")
public record ReconcilerProperties(
    @DefaultValue("PT30S") Duration every,
    @DefaultValue("PT10S") Duration quietFor,
    @DefaultValue("true") boolean resume) {

  public ReconcilerProperties {
    if (every.isNegative() || every.isZero()) {
      throw new IllegalArgumentException("longhaul.reconciler.every must be positive: " + every);
    }
    if (quietFor.isNegative()) {
      throw new IllegalArgumentException(
          "longhaul.reconciler.quiet-for must not be negative: " + quietFor);
    }
  }

  /** The longest a run ended outside the API stays unsettled: one quiet period and one pass. */
  public Duration settledWithin() {
    return every.plus(quietFor);
  }
}
