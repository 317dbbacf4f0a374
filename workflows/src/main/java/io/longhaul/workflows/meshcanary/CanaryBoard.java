package io.longhaul.workflows.meshcanary;

import io.longhaul.contracts.meshcanary.AnalysisReport;
import io.longhaul.contracts.meshcanary.MeshCanaryInput;
import io.longhaul.contracts.meshcanary.MeshCanaryView;
import io.longhaul.contracts.meshcanary.RevisionCounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's domain state as the {@code view} query answers it: per IDC its state, cohort, pods and
 * namespaces per revision as last counted, and every analysis report. Workflow state, so it is
 * rebuilt by replay like everything else.
 */
final class CanaryBoard {
  private static final class Idc {
    String state = "pending";
    int cohort;
    Map<String, Integer> namespaces = Map.of();
    Map<String, Integer> pods = Map.of();
    final List<AnalysisReport> analyses = new ArrayList<>();
    String detail;
  }

  private final Map<String, Idc> idcs = new LinkedHashMap<>();
  private List<Integer> cohorts = List.of();
  private String outcome = "running";

  void plan(MeshCanaryInput input) {
    cohorts = List.copyOf(input.cohorts());
    input.idcs().forEach(t -> idcs.put(t.idc(), new Idc()));
  }

  void state(String idc, String state, String detail) {
    Idc i = idcs.get(idc);
    i.state = state;
    i.detail = detail;
  }

  /** The IDC's canary is gone and its namespaces are back on stable; why stays as it was. */
  void rolledBack(String idc) {
    idcs.get(idc).state = "rolled-back";
  }

  String state(String idc) {
    return idcs.get(idc).state;
  }

  void cohort(String idc, int cohort) {
    idcs.get(idc).cohort = cohort;
  }

  void counts(String idc, RevisionCounts counts) {
    idcs.get(idc).pods = counts.pods();
    idcs.get(idc).namespaces = counts.namespaces();
  }

  void analysis(String idc, AnalysisReport report) {
    idcs.get(idc).analyses.add(report);
  }

  void outcome(String outcome) {
    this.outcome = outcome;
  }

  MeshCanaryView view() {
    List<MeshCanaryView.Idc> out = new ArrayList<>();
    idcs.forEach(
        (name, i) ->
            out.add(
                new MeshCanaryView.Idc(
                    name,
                    i.state,
                    i.cohort,
                    cohorts,
                    i.namespaces,
                    i.pods,
                    List.copyOf(i.analyses),
                    i.detail)));
    return new MeshCanaryView(outcome, out);
  }
}
