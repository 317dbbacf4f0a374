package io.longhaul.api.security;

import io.longhaul.db.security.ApiTokenRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the hashed tokens in PostgreSQL. An
 * unknown token counts as a failed login of the client's address ({@link LoginThrottle}); a locked
 * address is refused before the token is looked up.
 */
public class BearerTokenFilter extends OncePerRequestFilter {
  private static final String PREFIX = "Bearer ";

  private final ApiTokenRepository tokens;
  private final LoginThrottle throttle;
  private final AuthenticationEntryPoint entryPoint;

  public BearerTokenFilter(
      ApiTokenRepository tokens, LoginThrottle throttle, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
    this.throttle = throttle;
    this.entryPoint = entryPoint;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.startsWith(PREFIX)) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    var locked = throttle.lockedFor(null, address);
    if (locked.isPresent()) {
      entryPoint.commence(request, response, new LoginThrottledException(locked.get()));
      return;
    }
    String token = header.substring(PREFIX.length()).trim();
    var user = tokens.authenticate(ApiTokens.sha256(token));
    if (user.isEmpty()) {
      throttle.failed(null, address);
      entryPoint.commence(
          request, response, new BadCredentialsException("unknown or expired token"));
      return;
    }
    UserDetails details = LonghaulUserDetailsService.toDetails(user.get());
    var auth =
        UsernamePasswordAuthenticationToken.authenticated(
            details.getUsername(), null, details.getAuthorities());
    SecurityContextHolder.getContext().setAuthentication(auth);
    chain.doFilter(request, response);
  }
}
