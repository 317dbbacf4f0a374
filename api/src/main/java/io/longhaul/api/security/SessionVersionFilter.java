package io.longhaul.api.security;

import io.longhaul.db.security.AppUser;
import io.longhaul.db.security.UserRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A portal session follows its user: every request on a session compares the user's session
 * version, enabled flag and role in the database with what the session was opened with, and a
 * session that no longer matches (demoted, disabled, password reset) is ended there and then; the
 * request goes on unauthenticated and gets 401. Basic and bearer callers are checked against the
 * database on every request anyway.
 */
public class SessionVersionFilter extends OncePerRequestFilter {
  static final String VERSION = SessionVersionFilter.class.getName() + ".version";

  private final UserRepository users;

  public SessionVersionFilter(UserRepository users) {
    this.users = users;
  }

  /** Records the user's current session version in a session just opened by a login. */
  static void stamp(HttpServletRequest request, UserRepository users, String username) {
    users
        .findByUsername(username)
        .ifPresent(u -> request.getSession().setAttribute(VERSION, u.sessionVersion()));
  }

  /** After the user changed their own password: this session stays, their others end. */
  static void restamp(HttpServletRequest request, int version) {
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(VERSION) != null) {
      session.setAttribute(VERSION, version);
    }
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (session != null
        && auth != null
        && auth.isAuthenticated()
        && !(auth instanceof AnonymousAuthenticationToken)
        && !current(auth, session.getAttribute(VERSION))) {
      session.invalidate();
      SecurityContextHolder.clearContext();
    }
    chain.doFilter(request, response);
  }

  private boolean current(Authentication auth, Object version) {
    Optional<AppUser> user = users.findByUsername(auth.getName());
    Role role = CurrentUser.role(auth);
    return version instanceof Integer v
        && user.isPresent()
        && user.get().enabled()
        && user.get().sessionVersion() == v
        && role != null
        && role.value().equals(user.get().role());
  }
}
