package io.longhaul.api.run;

import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.contracts.vocabulary.RunStatus;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The run statuses this server knows, so the portal filters and groups by them instead of guessing
 * (new statuses such as needs-attention appear here when they are added).
 */
@RestController
public class RunStatusesController {

  public record StatusView(String value, boolean ended) {}

  @GetMapping("/api/v1/runs/statuses")
  @RequiresRole(Role.VIEWER)
  public List<StatusView> statuses() {
    return Arrays.stream(RunStatus.values())
        .map(s -> new StatusView(s.value(), s.ended()))
        .toList();
  }
}
