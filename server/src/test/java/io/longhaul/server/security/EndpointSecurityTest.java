package io.longhaul.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.api.security.RoleInterceptor;
import io.longhaul.db.security.UserRepository;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Walks every request mapping the server has, as nobody and as each role. */
@DisplayName("Every endpoint")
class EndpointSecurityTest extends ServerTestBase {
  static final String PASSWORD = "a-long-test-password";

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired UserRepository users;
  @Autowired PasswordEncoder encoder;

  record Endpoint(String method, String path, Role required, String handler) {}

  @BeforeEach
  void users() {
    for (Role role : Role.values()) {
      String name = "walk-" + role.value();
      if (!users.exists(name)) {
        users.create(name, encoder.encode(PASSWORD), role.value());
      }
    }
  }

  List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (RoleInterceptor.isErrorPage(e.getValue())) {
        continue; // /error is open by design: it renders another request's failure.
      }
      var methods = e.getKey().getMethodsCondition().getMethods();
      for (String pattern : e.getKey().getPatternValues()) {
        String path = pattern.replaceAll("\\{[^}]+}", "1");
        for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
          all.add(
              new Endpoint(
                  m.name(),
                  path,
                  RoleInterceptor.requiredRole(e.getValue()),
                  e.getValue().getShortLogMessage()));
        }
      }
    }
    return all;
  }

  @Test
  @DisplayName("declares the least role it needs")
  void declaresARole() {
    List<Endpoint> all = endpoints();
    assertThat(all).hasSizeGreaterThan(30);
    assertThat(all.stream().filter(e -> e.required() == null).map(Endpoint::handler))
        .as("handlers without @%s", RequiresRole.class.getSimpleName())
        .isEmpty();
  }

  @Test
  @DisplayName("answers 401 to nobody, 403 to a weaker role, and lets the required role through")
  void walk() {
    List<String> wrong = new ArrayList<>();
    for (Endpoint e : endpoints()) {
      String body = "GET".equals(e.method()) || "DELETE".equals(e.method()) ? null : "{}";
      int anonymous = ApiClient.anonymous(port).send(e.method(), e.path(), body).status();
      if (anonymous != 401) {
        wrong.add(e + " anonymous → " + anonymous);
      }
      for (Role role : Role.values()) {
        ApiClient client = ApiClient.basic(port, "walk-" + role.value(), PASSWORD);
        int status = client.send(e.method(), e.path(), body).status();
        boolean allowed = role.covers(e.required());
        if (allowed && (status == 401 || status == 403)) {
          wrong.add(e + " as " + role.value() + " → " + status + " (should be allowed)");
        }
        if (!allowed && status != 403) {
          wrong.add(e + " as " + role.value() + " → " + status + " (should be 403)");
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  @DisplayName("refuses a wrong password and an unknown bearer token, and accepts a minted token")
  void credentials() {
    assertThat(ApiClient.basic(port, "admin", "wrong").get("/api/v1/runs").status()).isEqualTo(401);
    assertThat(ApiClient.bearer(port, "lh_nope").get("/api/v1/runs").status()).isEqualTo(401);
    var created = admin().post("/api/v1/tokens", Map.of("name", "ci"));
    assertThat(created.status()).isEqualTo(201);
    String secret = created.body().path("secret").asText();
    var me = ApiClient.bearer(port, secret).get("/api/v1/me");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body().path("role").asText()).isEqualTo("admin");
    assertThat(admin().get("/api/v1/tokens").raw()).doesNotContain(secret);
  }

  @Test
  @DisplayName("health stays open for load balancers and says nothing more than UP")
  void health() {
    var r = ApiClient.anonymous(port).get("/actuator/health");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().path("status").asText()).isEqualTo("UP");
    assertThat(r.body().has("components")).isFalse();
  }
}
