package io.longhaul.contracts.control;

import java.util.List;

/** A run asking for every one of {@code names} at once (all or none, so no two runs deadlock). */
public record LeaseRequest(String runId, List<String> names, LeasePolicy policy) {}
