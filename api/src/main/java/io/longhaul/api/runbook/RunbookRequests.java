package io.longhaul.api.runbook;

import io.longhaul.api.validation.Text;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** The bodies of {@code /api/v1/runbooks}. */
final class RunbookRequests {
  private RunbookRequests() {}

  /** {@code POST /runbooks/validate}: YAML to check, nothing saved. */
  record Validate(@NotBlank @Text(max = 500_000) String source) {}

  /** {@code POST /runbooks}: a new runbook (its name is the YAML's), version 1. */
  record Create(
      @NotBlank @Text(max = 500_000) String source, @NotBlank @Text(max = 2000) String reason) {}

  /**
   * {@code PUT /runbooks/{name}}: a new version; {@code basedOn} is the version the author edited,
   * so a save that crossed another is refused (409) rather than silently replacing it.
   */
  record Update(
      @NotBlank @Text(max = 500_000) String source,
      @NotNull @Min(1) Integer basedOn,
      @NotBlank @Text(max = 2000) String reason) {}

  /** {@code DELETE /runbooks/{name}}: why it leaves the catalog. */
  record Archive(@NotBlank @Text(max = 2000) String reason) {}

  /** {@code POST /runbooks/{name}/dry-run}: a version (null: the latest) with its params. */
  record DryRun(@Min(1) Integer version, @NotNull Map<String, Object> params) {}
}
