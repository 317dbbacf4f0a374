package io.longhaul.server.lab;

import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Whether this server runs the lab; the portal shows its Lab page only then. */
@RestController
public class LabStatusController {
  private final ObjectProvider<LabRuntime> runtime;

  public LabStatusController(ObjectProvider<LabRuntime> runtime) {
    this.runtime = runtime;
  }

  public record LabStatus(boolean enabled) {}

  @GetMapping("/api/v1/lab/status")
  @RequiresRole(Role.VIEWER)
  public LabStatus status() {
    return new LabStatus(runtime.getIfAvailable() != null);
  }
}
