package io.longhaul.contracts.spawn;

/** Claims an instance name for a spawn run; a retried claim by the same run succeeds. */
public record ClaimRequest(String runId, SpawnInput input) {}
