package io.longhaul.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.api.security.RoleInterceptor;
import io.longhaul.db.security.UserRepository;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.OpenApi;
import io.longhaul.server.support.OperatorWords;
import io.longhaul.server.support.ServerTestBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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

/**
 * Every operation of the OpenAPI document × every kind of caller: nobody, each role by Basic, each
 * role by bearer token, and an unknown token. What each may do is the README's rule, written here
 * independently of the code's annotations: reads need viewer, changes operator, approve and reject
 * approver, the audit log approver, users and credentials admin, changes to host keys, sites'
 * management networks and audit checkpoints admin; one's own profile, password and tokens viewer.
 */
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

  /** The README's rule for an operation. */
  static Role readmeRole(String method, String path) {
    String p = path.replaceFirst("^/api/v1", "");
    if (p.startsWith("/users") || p.startsWith("/credentials")) {
      return Role.ADMIN;
    }
    boolean read = method.equals("GET") || method.equals("HEAD");
    // Trust in devices and in the audit chain: which host keys, management networks and
    // checkpoints count is an admin's call; reading them is not.
    if (!read
        && (p.startsWith("/host-keys")
            || p.endsWith("/mgmt-networks")
            || p.equals("/audit/checkpoint"))) {
      return Role.ADMIN;
    }
    if (p.startsWith("/audit") || p.endsWith("/approve") || p.endsWith("/reject")) {
      return Role.APPROVER;
    }
    if (p.startsWith("/me") || p.startsWith("/tokens")) {
      return Role.VIEWER; // one's own
    }
    return method.equals("GET") || method.equals("HEAD") ? Role.VIEWER : Role.OPERATOR;
  }

  List<Endpoint> endpoints() {
    List<Endpoint> all = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      if (RoleInterceptor.isErrorPage(e.getValue())) {
        continue; // /error is open by design: it renders another request's failure.
      }
      var methods = e.getKey().getMethodsCondition().getMethods();
      for (String pattern : e.getKey().getPatternValues()) {
        for (RequestMethod m : methods.isEmpty() ? List.of(RequestMethod.GET) : methods) {
          all.add(
              new Endpoint(
                  m.name(),
                  pattern,
                  RoleInterceptor.requiredRole(e.getValue()),
                  e.getValue().getShortLogMessage()));
        }
      }
    }
    return all;
  }

  @Test
  @DisplayName("declares the least role the README gives it")
  void declaresARole() {
    List<Endpoint> all = endpoints();
    assertThat(all).hasSizeGreaterThan(30);
    assertThat(all.stream().filter(e -> e.required() == null).map(Endpoint::handler))
        .as("handlers without @%s", RequiresRole.class.getSimpleName())
        .isEmpty();
    assertThat(
            all.stream()
                .filter(e -> e.path().startsWith("/api/"))
                .filter(e -> e.required() != readmeRole(e.method(), e.path()))
                .map(e -> e + " (README: " + readmeRole(e.method(), e.path()) + ")"))
        .isEmpty();
  }

  @Test
  @DisplayName("is in the OpenAPI document, and the document has no other")
  void documented() {
    Set<String> mapped = new TreeSet<>();
    for (Endpoint e : endpoints()) {
      if (e.path().startsWith("/api/")) {
        mapped.add(e.method() + " " + e.path());
      }
    }
    Set<String> documented = new TreeSet<>();
    for (OpenApi.Operation op : OpenApi.of(admin()).operations()) {
      documented.add(op.toString());
    }
    assertThat(documented).isEqualTo(mapped);
  }

  @Test
  @DisplayName(
      "answers 401 to nobody and to an unknown token, 403 to a weaker role, and lets the README's"
          + " role through, by Basic and by token")
  void matrix() {
    Map<String, ApiClient> callers = new LinkedHashMap<>();
    for (Role role : Role.values()) {
      callers.put(role.value(), ApiClient.basic(port, "walk-" + role.value(), PASSWORD));
    }
    for (Role role : Role.values()) {
      var token = callers.get(role.value()).post("/api/v1/tokens", Map.of("name", "matrix"));
      assertThat(token.status()).isEqualTo(201);
      callers.put(
          role.value() + "-bearer", ApiClient.bearer(port, token.body().path("secret").asText()));
    }
    List<OpenApi.Operation> operations = OpenApi.of(admin()).operations();
    List<String> wrong = new ArrayList<>();
    int requests = 0;
    for (int n = 0; n < operations.size(); n++) {
      OpenApi.Operation op = operations.get(n);
      String path = op.concrete("999999");
      Object body = op.takesBody() ? "{}" : null;
      Role required = readmeRole(op.method(), op.path());
      int anonymous = ApiClient.anonymous(port).send(op.method(), path, body).status();
      // Each unknown token from its own loopback address: a stream of them from one address is
      // exactly what the login throttle locks out, which is not what this walk is about.
      int badToken =
          ApiClient.bearer(port, "lh_unknown")
              .from("127.0.2." + (n % 250 + 1))
              .send(op.method(), path, body)
              .status();
      requests += 2;
      if (anonymous != 401) {
        wrong.add(op + " anonymous → " + anonymous);
      }
      if (badToken != 401) {
        wrong.add(op + " unknown token → " + badToken);
      }
      for (Map.Entry<String, ApiClient> caller : callers.entrySet()) {
        Role role = Role.of(caller.getKey().replace("-bearer", ""));
        var response = caller.getValue().send(op.method(), path, body);
        int status = response.status();
        requests++;
        OperatorWords.leak(response.body())
            .ifPresent(w -> wrong.add(op + " as " + caller.getKey() + " says \"" + w + "\""));
        boolean allowed = role.covers(required);
        if (allowed && (status == 401 || status == 403 || status >= 500)) {
          wrong.add(op + " as " + caller.getKey() + " → " + status + " (should be allowed)");
        }
        if (!allowed && status != 403) {
          wrong.add(op + " as " + caller.getKey() + " → " + status + " (should be 403)");
        }
      }
    }
    assertThat(requests).isEqualTo(operations.size() * 10);
    System.out.printf(
        "endpoint × caller matrix: %d operations × 10 callers = %d requests, %d wrong%n",
        operations.size(), requests, wrong.size());
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
