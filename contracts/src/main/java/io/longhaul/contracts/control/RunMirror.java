package io.longhaul.contracts.control;

/**
 * The run's live state mirrored into its record: {@code status} is the value of a live {@link
 * io.longhaul.contracts.vocabulary.RunStatus} (running, needs_attention, awaiting_approval or
 * waiting).
 */
public record RunMirror(String runId, String status, Progress progress) {}
