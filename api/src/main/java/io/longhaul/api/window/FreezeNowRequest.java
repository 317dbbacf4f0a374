package io.longhaul.api.window;

import io.longhaul.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The emergency switch: freeze one scope ('site:sha') or, without one, everything. */
public record FreezeNowRequest(
    @Size(max = 100) String scope, @NotBlank @Text(max = 2000) String reason) {}
