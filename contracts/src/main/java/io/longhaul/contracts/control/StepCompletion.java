package io.longhaul.contracts.control;

import io.longhaul.contracts.run.StepEvent;

/** A step's succeeded event, its ledger entry (result as JSON) and the progress it makes. */
public record StepCompletion(
    StepEvent event, String changeId, String resultJson, Progress progress) {}
