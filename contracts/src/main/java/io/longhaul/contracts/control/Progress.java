package io.longhaul.contracts.control;

import io.longhaul.contracts.window.WindowWait;
import java.util.List;
import java.util.Map;

/**
 * Where a run is: its phase, the step it runs, steps done of those expected, domain figures
 * (instances spawned, bytes moved...), an ETA from the average step so far, what it waits for:
 * leases, a maintenance window or freeze ({@code waitingForWindow}, null when not waiting), or
 * conditions outside the run ({@code waitingForConditions}, e.g. "0 blocks under-replicated").
 */
public record Progress(
    String phase,
    String step,
    String target,
    int done,
    int total,
    Map<String, Long> figures,
    Long etaMillis,
    List<PendingDecision> pending,
    List<String> waitingForLeases,
    long atMillis,
    WindowWait waitingForWindow,
    List<String> waitingForConditions) {}
