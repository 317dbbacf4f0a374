package io.longhaul.api.run;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * An operator's answer to a pending step: which step and target (optional when only one is
 * pending), why, and for a retry an edited input (null keeps the step's input).
 */
public record StepDecisionRequest(
    @Size(max = 200) String step,
    @Size(max = 200) String target,
    @NotBlank @Size(max = 2000) String reason,
    Map<String, Object> input) {}
