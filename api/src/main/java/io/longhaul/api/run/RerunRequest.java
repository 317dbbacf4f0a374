package io.longhaul.api.run;

import io.longhaul.api.validation.Text;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/** Re-run an ended run: why, and optionally edited params (validated like a new request). */
public record RerunRequest(@NotBlank @Text(max = 2000) String reason, Map<String, Object> params) {}
