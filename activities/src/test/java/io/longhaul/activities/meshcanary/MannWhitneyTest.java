package io.longhaul.activities.meshcanary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.longhaul.contracts.meshcanary.AnalysisReport;
import io.longhaul.contracts.meshcanary.AnalysisSpec;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Known answers: U and p from SciPy 1.17's {@code mannwhitneyu(x, y, alternative='two-sided',
 * method='asymptotic', use_continuity=True)}, which applies the same tie correction.
 */
@DisplayName("The canary analysis")
class MannWhitneyTest {

  @Nested
  @DisplayName("Mann-Whitney U")
  class U {
    @Test
    @DisplayName("separated samples: U 0, p 0.0809 (SciPy)")
    void separated() {
      var r = MannWhitney.test(new double[] {1, 2, 3}, new double[] {4, 5, 6});
      assertThat(r.u()).isEqualTo(0);
      assertThat(r.pValue()).isCloseTo(0.08085559837005224, within(1e-6));
      assertThat(r.shift()).isEqualTo(-3);
    }

    @Test
    @DisplayName("with ties across the samples: U 3.5, p 0.00479 (SciPy, tie-corrected)")
    void ties() {
      var r =
          MannWhitney.test(
              new double[] {1, 2, 2, 3, 3, 3, 4}, new double[] {3, 4, 4, 5, 5, 6, 7, 7});
      assertThat(r.u()).isEqualTo(3.5);
      assertThat(r.pValue()).isCloseTo(0.004793348746185457, within(1e-6));
    }

    @Test
    @DisplayName("success rates with one good canary sample: U 21.5, p 0.0661 (SciPy)")
    void successRates() {
      var r =
          MannWhitney.test(
              new double[] {0.999, 0.998, 0.999, 0.9985, 0.999},
              new double[] {0.75, 0.74, 0.76, 0.999, 0.75});
      assertThat(r.u()).isEqualTo(21.5);
      assertThat(r.pValue()).isCloseTo(0.06607531108982745, within(1e-6));
    }

    @Test
    @DisplayName("all values tied: p 1")
    void allTied() {
      assertThat(MannWhitney.test(new double[] {5, 5, 5, 5}, new double[] {5, 5, 5, 5, 5}).pValue())
          .isEqualTo(1.0);
    }
  }

  @Nested
  @DisplayName("the judge")
  class Judge {
    AnalysisSpec spec = AnalysisSpec.defaults();
    double[] rates = {0.999, 0.9991, 0.9989, 0.999, 0.9992, 0.9988, 0.999, 0.9991, 0.999, 0.9989};
    double[] latency = {91, 93, 90, 95, 92, 89, 94, 92, 91, 93};
    double[] convergence = {0.2, 0.22, 0.21, 0.23, 0.2, 0.19, 0.22, 0.21, 0.2, 0.22};
    double[] zero = new double[10];

    Map<CanaryMetric, CanaryJudge.Samples> healthy() {
      return Map.of(
          CanaryMetric.SUCCESS_RATE, new CanaryJudge.Samples(rates, rates.clone()),
          CanaryMetric.P99_LATENCY_MS, new CanaryJudge.Samples(latency, latency.clone()),
          CanaryMetric.CONVERGENCE_P99_SECONDS, new CanaryJudge.Samples(convergence, convergence),
          CanaryMetric.XDS_REJECTS_PER_SECOND, new CanaryJudge.Samples(zero, zero));
    }

    @Test
    @DisplayName("a canary like its baseline passes with score 100")
    void passes() {
      AnalysisReport r = CanaryJudge.judge(1, 1, 0, spec, healthy(), 8);
      assertThat(r.verdict()).isEqualTo("pass");
      assertThat(r.score()).isEqualTo(100);
    }

    @Test
    @DisplayName("twice the latency, under the hard threshold: one metric high, score 75, marginal")
    void marginal() {
      var s = new java.util.HashMap<>(healthy());
      double[] slower = java.util.Arrays.stream(latency).map(v -> 2 * v).toArray();
      s.put(CanaryMetric.P99_LATENCY_MS, new CanaryJudge.Samples(slower, latency));
      AnalysisReport r = CanaryJudge.judge(1, 1, 0, spec, s, 8);
      assertThat(r.metrics().get(1).verdict()).isEqualTo("high");
      assertThat(r.score()).isEqualTo(75);
      assertThat(r.verdict()).isEqualTo("marginal");
    }

    @Test
    @DisplayName("a success rate under the threshold fails whatever the score")
    void breach() {
      var s = new java.util.HashMap<>(healthy());
      double[] bad = java.util.Arrays.stream(rates).map(v -> v - 0.25).toArray();
      s.put(CanaryMetric.SUCCESS_RATE, new CanaryJudge.Samples(bad, rates));
      AnalysisReport r = CanaryJudge.judge(1, 1, 0, spec, s, 8);
      assertThat(r.verdict()).isEqualTo("fail");
      assertThat(r.reason()).contains("success-rate");
      assertThat(r.metrics().get(0).verdict()).isEqualTo("breach");
    }

    @Test
    @DisplayName("without a baseline only the thresholds judge; NaN samples are no data")
    void noBaseline() {
      var s = new java.util.HashMap<>(healthy());
      s.put(CanaryMetric.SUCCESS_RATE, new CanaryJudge.Samples(rates, new double[0]));
      s.put(
          CanaryMetric.P99_LATENCY_MS, new CanaryJudge.Samples(new double[] {Double.NaN}, latency));
      AnalysisReport r = CanaryJudge.judge(1, 1, 0, spec, s, 7);
      assertThat(r.metrics().get(0).verdict()).isEqualTo("pass");
      assertThat(r.metrics().get(0).pValue()).isNull();
      assertThat(r.metrics().get(1).verdict()).isEqualTo("nodata");
      assertThat(r.verdict()).isEqualTo("pass");
    }
  }
}
