package io.longhaul.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces {@link RequiresRole} on every controller handler. */
public class RoleInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || isErrorPage(method)) {
      return true;
    }
    Role required = requiredRole(method);
    if (required == null) {
      throw new AccessDeniedException("endpoint declares no role");
    }
    Role actual = CurrentUser.role(SecurityContextHolder.getContext().getAuthentication());
    if (actual == null || !actual.covers(required)) {
      throw new AccessDeniedException("requires role " + required.value());
    }
    return true;
  }

  /**
   * The error page renders the problem of a request that already failed (including a 401); it must
   * answer whoever asked, and it exposes nothing of its own.
   */
  public static boolean isErrorPage(HandlerMethod method) {
    return ErrorController.class.isAssignableFrom(method.getBeanType());
  }

  /** The role a handler declares, or null: method first, then class. */
  public static Role requiredRole(HandlerMethod method) {
    if (method.getBeanType().getPackageName().startsWith("org.springdoc")) {
      return Role.VIEWER; // The OpenAPI document: readable by anyone signed in.
    }
    RequiresRole onMethod =
        AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), RequiresRole.class);
    if (onMethod != null) {
      return onMethod.value();
    }
    RequiresRole onType =
        AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), RequiresRole.class);
    return onType == null ? null : onType.value();
  }
}
