package io.longhaul.api.run;

import io.longhaul.api.validation.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Re-run a selection of ended runs, released {@code perSecond} at a time (default from
 * configuration) so a thousand retries do not stampede the devices.
 */
public record BulkRerunRequest(
    @NotEmpty @Size(max = 1000) List<@NotBlank @Size(max = 64) String> ids,
    @NotBlank @Text(max = 2000) String reason,
    @Min(1) @Max(50) Integer perSecond) {}
