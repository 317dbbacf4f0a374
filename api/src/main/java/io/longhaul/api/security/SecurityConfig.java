package io.longhaul.api.security;

import io.longhaul.api.error.Problems;
import io.longhaul.api.json.BodyLimitFilter;
import io.longhaul.db.security.ApiTokenRepository;
import io.longhaul.db.security.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
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
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig implements WebMvcConfigurer {
  // The portal is one script and one stylesheet from this origin; it needs nothing else.
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
          + " form-action 'self'; frame-ancestors 'none'";
  static final String PERMISSIONS_POLICY =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(),"
          + " clipboard-read=(), display-capture=()";

  /** Every request body is capped before anything reads it. */
  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimit(SecurityProperties properties) {
    var bean = new FilterRegistrationBean<>(new BodyLimitFilter(properties.maxBody().toBytes()));
    bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return bean;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService userDetailsService(UserRepository users) {
    return new LonghaulUserDetailsService(users);
  }

  /** Password logins, throttled; the one provider Basic and the portal's form use. */
  @Bean
  ThrottledAuthentication passwordLogins(
      UserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
    DaoAuthenticationProvider dao = new DaoAuthenticationProvider(users);
    dao.setPasswordEncoder(encoder);
    return new ThrottledAuthentication(dao, throttle);
  }

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      ApiTokenRepository tokens,
      UserRepository users,
      ThrottledAuthentication passwordLogins,
      LoginThrottle throttle)
      throws Exception {
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          if (e instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(throttled.retryAfterSeconds()));
            Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, throttled.getMessage());
            return;
          }
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
    // Only a Basic or Bearer header counts: the request is then authenticated by it (or refused),
    // whatever cookie rides along. Any other header proves nothing.
    // The form login is the exception: without a session it has none to borrow, but a forged
    // login would sign the victim's browser in as the attacker (login CSRF), so it always needs the
    // token the portal's page was given (the XSRF-TOKEN cookie, echoed as X-XSRF-TOKEN).
    RequestMatcher noAmbientAuthority =
        request -> {
          if ("/login".equals(request.getServletPath())) {
            return false;
          }
          String authorization = request.getHeader("Authorization");
          return (authorization != null
                  && (authorization.startsWith("Basic ") || authorization.startsWith("Bearer ")))
              || request.getRequestedSessionId() == null;
        };
    CookieCsrfTokenRepository csrfCookie = CookieCsrfTokenRepository.withHttpOnlyFalse();
    csrfCookie.setCookieCustomizer(c -> c.sameSite("Lax"));
    http.authorizeHttpRequests(
            a ->
                a.requestMatchers("/actuator/health", "/actuator/health/**", "/login", "/error")
                    .permitAll()
                    // The portal's files hold no data; everything they show comes from /api.
                    .requestMatchers(PortalAssets::matches)
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .authenticationManager(new ProviderManager(passwordLogins))
        .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
        // The portal posts the form with fetch and wants a status, not a redirect; its own page
        // renders GET /login, so Spring's generated login page is off.
        .formLogin(
            f ->
                f.loginPage("/login")
                    .successHandler(
                        (request, response, auth) -> {
                          SessionVersionFilter.stamp(request, users, auth.getName());
                          response.setStatus(204);
                        })
                    .failureHandler(
                        (request, response, e) -> {
                          if (e instanceof LoginThrottledException) {
                            unauthorized.commence(request, response, e);
                          } else {
                            Problems.write(
                                response, HttpStatus.UNAUTHORIZED, "wrong user name or password");
                          }
                        })
                    .permitAll())
        .logout(
            l ->
                l.logoutUrl("/logout")
                    .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler()))
        // spa(): the XSRF-TOKEN cookie (readable by the portal's script, echoed as X-XSRF-TOKEN)
        // is refreshed on every response, including right after login.
        .csrf(
            c ->
                c.spa().csrfTokenRepository(csrfCookie).ignoringRequestMatchers(noAmbientAuthority))
        .headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                    .frameOptions(f -> f.deny())
                    .addHeaderWriter(
                        new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY)))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .addFilterAfter(new SessionVersionFilter(users), SecurityContextHolderFilter.class)
        .addFilterBefore(
            new BearerTokenFilter(tokens, throttle, unauthorized), BasicAuthenticationFilter.class);
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
