package io.longhaul.contracts.control;

import io.longhaul.contracts.run.StepEvent;

/** A step undone by its compensation: its {@code compensated} event and the change it was under. */
public record StepWithdrawal(StepEvent compensated, String changeId) {}
