package io.longhaul.contracts.drift;

/**
 * What a drift watch's execution starts from.
 *
 * @param intervalSeconds between two checks
 * @param checksPerExecution checks before the watch continues as new
 * @param checksDone checks of earlier executions (for the progress it reports)
 */
public record DriftWatchState(
    String site, long intervalSeconds, int checksPerExecution, long checksDone) {}
