package io.longhaul.contracts.meshcanary;

import java.util.List;

/**
 * A control-plane canary: the IDCs one after the other; the stable and canary istiod revisions
 * ({@code 1-24-2}, {@code 1-25-0}) and the canary's version; the revision tag the namespaces follow
 * ({@code prod-stable}, moved to the canary on promotion); the cohorts as cumulative percentages of
 * the IDC's meshed namespaces ({@code [1, 10, 50]}; the rest move with the tag); the analysis and
 * how many intervals each cohort bakes; whether a marginal analysis waits for a person's judgement
 * (else it fails); how many namespaces restart at once (the disruption budget); the soak between
 * promotion and retiring the old revision.
 */
public record MeshCanaryInput(
    List<IdcTarget> idcs,
    String stableRevision,
    String canaryRevision,
    String canaryVersion,
    String tag,
    List<Integer> cohorts,
    AnalysisSpec analysis,
    int bakeIntervals,
    boolean manualJudgement,
    int maxUnavailable,
    int soakSeconds) {}
