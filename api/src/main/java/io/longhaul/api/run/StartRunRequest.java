package io.longhaul.api.run;

import io.longhaul.api.validation.OneLine;
import io.longhaul.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** {@code POST /api/v1/runs}: which operation, with what params, and why. */
public record StartRunRequest(
    @NotBlank @Size(max = 100) String operation,
    @NotNull Map<String, Object> params,
    @NotBlank @Text(max = 2000) String reason,
    @Size(min = 1) @OneLine(max = 200) String idempotencyKey) {}
