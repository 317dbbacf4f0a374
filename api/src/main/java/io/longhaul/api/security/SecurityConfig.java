package io.longhaul.api.security;

import io.longhaul.api.error.Problems;
import io.longhaul.db.security.ApiTokenRepository;
import io.longhaul.db.security.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication for three kinds of caller: the portal (session cookie after form login, with CSRF
 * protection), scripts (HTTP Basic) and services (bearer tokens). Authorisation is by role, per
 * handler, through {@link RequiresRole}; here every request except health and login must be
 * authenticated.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig implements WebMvcConfigurer {

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService userDetailsService(UserRepository users) {
    return new LonghaulUserDetailsService(users);
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ApiTokenRepository tokens) throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          if (!isBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"longhaul\"");
          }
          Problems.write(response, HttpStatus.UNAUTHORIZED, "authentication required");
        };
    AccessDeniedHandler forbidden =
        (request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN, "access denied");
    // Only a cookie session carries ambient authority a forged request could borrow; callers
    // sending credentials on every request, or no session at all, cannot be CSRF'd (and an
    // anonymous caller then gets 401, not a misleading 403).
    RequestMatcher noAmbientAuthority =
        request ->
            request.getHeader("Authorization") != null || request.getRequestedSessionId() == null;
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error")
                    .permitAll()
                    // The portal's files hold no data; everything they show comes from /api.
                    .requestMatchers(PortalAssets::matches)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        // The portal posts the form with fetch and wants a status, not a redirect; its own page
        // renders GET /login, so Spring's generated login page is off.
        .formLogin(
            f ->
                f.loginPage("/login")
                    .successHandler((request, response, auth) -> response.setStatus(204))
                    .failureHandler(
                        (request, response, e) ->
                            Problems.write(
                                response, HttpStatus.UNAUTHORIZED, "wrong user name or password"))
                    .permitAll())
        .logout(
            l ->
                l.logoutUrl("/logout")
                    .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler()))
        // spa(): the XSRF-TOKEN cookie (readable by the portal's script, echoed as X-XSRF-TOKEN)
        // is refreshed on every response, including right after login.
        .csrf(c -> c.spa().ignoringRequestMatchers(noAmbientAuthority))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .addFilterBefore(
            new BearerTokenFilter(tokens, unauthorized), BasicAuthenticationFilter.class);
    return http.build();
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new RoleInterceptor());
  }

  private static boolean isBrowser(HttpServletRequest request) {
    // A Basic challenge makes browsers pop up their own dialog over the portal.
    return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
  }
}
