package io.longhaul.contracts.meshcanary;

import java.util.List;

/**
 * One interval to analyse, ending now: the canary cohort's namespaces and the stable namespaces it
 * is compared with, the two revisions, the spec; {@code cohort} and {@code interval} only label the
 * report. The queries select by revision (the cohort is exactly the sidecars on the canary); an
 * empty baseline (a 100 % cohort) judges the request metrics by their thresholds alone.
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
