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

/** Authenticates {@code Authorization: Bearer <token>} against the hashed tokens in PostgreSQL. */
public class BearerTokenFilter extends OncePerRequestFilter {
  private static final String PREFIX = "Bearer ";

  private final ApiTokenRepository tokens;
  private final AuthenticationEntryPoint entryPoint;

  public BearerTokenFilter(ApiTokenRepository tokens, AuthenticationEntryPoint entryPoint) {
    this.tokens = tokens;
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
    String token = header.substring(PREFIX.length()).trim();
    var user = tokens.authenticate(ApiTokens.sha256(token));
    if (user.isEmpty()) {
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
