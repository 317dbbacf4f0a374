package io.longhaul.api.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.util.UrlPathHelper;

/**
 * The portal's public requests: GETs of its files and of its client-side routes (the server answers
 * those with index.html). Anything under the API, the actuator or the OpenAPI document is not one
 * of them, whatever its method.
 */
public final class PortalAssets {
  private static final List<String> NOT_PORTAL = List.of("/api/", "/actuator", "/v3/", "/logout");

  private PortalAssets() {}

  public static boolean matches(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return false;
    }
    // Decoded, as the dispatcher routes it: "/%61pi/..." is under /api too.
    String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    return NOT_PORTAL.stream().noneMatch(path::startsWith);
  }
}
