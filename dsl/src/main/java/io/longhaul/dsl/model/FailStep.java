package io.longhaul.dsl.model;

/** Ends the run as failed with {@code message} (a template); compensations run. */
public record FailStep(String id, StepOptions options, String message) implements RunbookStep {}
