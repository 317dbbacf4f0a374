package io.longhaul.api.run;

import io.longhaul.api.validation.OneLine;
import io.longhaul.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/**
 * An operator's answer to a pending step: which step and target (optional when only one is
 * pending), why, and for a retry an edited input (null keeps the step's input).
 */
public record StepDecisionRequest(
    @OneLine(max = 200) String step,
    @OneLine(max = 200) String target,
    @NotBlank @Text(max = 2000) String reason,
    Map<String, Object> input) {}
