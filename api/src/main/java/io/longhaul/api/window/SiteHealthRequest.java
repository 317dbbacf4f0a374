package io.longhaul.api.window;

import io.longhaul.api.validation.Text;
import jakarta.validation.constraints.NotBlank;

/** Why an operator marks a site degraded, or lifts the mark. */
public record SiteHealthRequest(@NotBlank @Text(max = 2000) String reason) {}
