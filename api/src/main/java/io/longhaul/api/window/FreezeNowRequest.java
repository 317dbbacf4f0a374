package io.longhaul.api.window;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The emergency switch: freeze one scope ('site:sha') or, without one, everything. */
public record FreezeNowRequest(String scope, @NotBlank @Size(max = 2000) String reason) {}
