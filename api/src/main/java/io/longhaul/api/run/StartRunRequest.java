package io.longhaul.api.run;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code POST /api/v1/runs}: which operation, with what params, and why. */
public record StartRunRequest(
    @NotBlank String operation,
    @NotNull Map<String, Object> params,
    @NotBlank @Size(max = 2000) String reason,
    @Size(min = 1, max = 200) String idempotencyKey) {}
