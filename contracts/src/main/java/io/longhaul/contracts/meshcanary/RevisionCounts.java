package io.longhaul.contracts.meshcanary;

import java.util.Map;

/** Pods per sidecar revision and namespaces per resolved revision over some namespaces. */
public record RevisionCounts(Map<String, Integer> pods, Map<String, Integer> namespaces) {}
