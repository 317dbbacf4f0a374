package io.longhaul.contracts.control;

import io.longhaul.contracts.run.StepEvent;

/**
 * A step's succeeded event, its ledger entry (result as JSON) and the progress it makes; for a step
 * that ran inside the workflow's task also its {@code started} event, written with it.
 */
public record StepCompletion(
    StepEvent event, String changeId, String resultJson, Progress progress, StepEvent started) {}
