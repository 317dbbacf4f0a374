package io.longhaul.dsl.model;

/**
 * Waits for an approver of at least {@code role}: {@code plan} (a template with {@code ${...}}) is
 * what they are shown; {@code expires} (ISO-8601) how long the request stands.
 */
public record ApprovalStep(String id, StepOptions options, String role, String plan, String expires)
    implements RunbookStep {}
