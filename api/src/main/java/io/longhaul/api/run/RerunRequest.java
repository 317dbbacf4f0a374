package io.longhaul.api.run;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Re-run an ended run: why, and optionally edited params (validated like a new request). */
public record RerunRequest(@NotBlank @Size(max = 2000) String reason, Map<String, Object> params) {}
