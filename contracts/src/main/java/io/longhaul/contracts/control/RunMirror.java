package io.longhaul.contracts.control;

/**
 * The run's live state mirrored into its record: {@code status} is running, needs_attention,
 * awaiting_approval or waiting.
 */
public record RunMirror(String runId, String status, Progress progress) {}
