package io.longhaul.contracts.spawn;

/**
 * Claims an instance name for a spawn under its holder key ({@link InstanceRef}); a retried claim,
 * or a re-run's, with the same key succeeds.
 */
public record ClaimRequest(String runId, SpawnInput input) {}
