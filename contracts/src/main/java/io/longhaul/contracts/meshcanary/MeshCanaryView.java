package io.longhaul.contracts.meshcanary;

import java.util.List;
import java.util.Map;

/**
 * The run in the operation's terms: per IDC its state ({@code pending}, {@code installing}, {@code
 * cohort}, {@code judging}, {@code promoting}, {@code soaking}, {@code promoted}, {@code
 * rolling-back}, {@code rolled-back}), the cohort it is at, namespaces and pods per revision as
 * last seen, and every analysis interval's report.
 */
public record MeshCanaryView(String outcome, List<Idc> idcs) {

  public record Idc(
      String idc,
      String state,
      int cohort,
      List<Integer> cohorts,
      Map<String, Integer> namespacesByRevision,
      Map<String, Integer> podsByRevision,
      List<AnalysisReport> analyses,
      String detail) {}
}
