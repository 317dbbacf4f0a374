package io.longhaul.contracts.meshcanary;

import java.util.List;

/**
 * One interval to analyse, ending now: the canary cohort's and the baseline's namespaces, the two
 * revisions, the spec; {@code cohort} and {@code interval} only label the report.
 */
public record AnalysisRequest(
    String idc,
    int cohort,
    int interval,
    List<String> canary,
    List<String> baseline,
    String canaryRevision,
    String stableRevision,
    AnalysisSpec spec) {}
