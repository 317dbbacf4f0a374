package io.longhaul.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.db.security.UserRepository;
import io.longhaul.server.support.ApiClient;
import io.longhaul.server.support.ServerTestBase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sessions and tokens that follow their user, login throttling, passwords, headers. */
@DisplayName("Sessions")
class SessionSecurityTest extends ServerTestBase {
  static final String PASSWORD = "Velvet-Harbour-91";
  static final AtomicInteger NEXT = new AtomicInteger();

  @Autowired UserRepository users;
  @Autowired DSLContext db;

  /** A new user of the role, through the API; returns its id. */
  long user(String name, String role) {
    var r =
        admin().post("/api/v1/users", Map.of("username", name, "password", PASSWORD, "role", role));
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    return r.body().path("id").asLong();
  }

  /** A new API token of the user, minted by the user. */
  String token(String name) {
    return ApiClient.basic(port, name, PASSWORD)
        .post("/api/v1/tokens", Map.of("name", "t"))
        .body()
        .path("secret")
        .asText();
  }

  ApiClient session(String name, String password) {
    ApiClient s = ApiClient.session(port);
    assertThat(s.login(name, password).status()).isEqualTo(204);
    return s;
  }

  static Map<String, String> site(String code) {
    return Map.of("code", code, "name", "Site " + code);
  }

  @Nested
  @DisplayName("follow the user")
  class FollowTheUser {
    @Test
    @DisplayName("a demoted user's live session and tokens are refused at once")
    void demoted() {
      long id = user("demoted1", "operator");
      ApiClient portal = session("demoted1", PASSWORD);
      String token = token("demoted1");
      assertThat(portal.post("/api/v1/sites", site("dem1")).status()).isEqualTo(201);
      assertThat(ApiClient.bearer(port, token).get("/api/v1/me").status()).isEqualTo(200);

      var change =
          admin().send("PUT", "/api/v1/users/" + id, Map.of("role", "viewer", "enabled", true));
      assertThat(change.status()).isEqualTo(200);

      assertThat(portal.get("/api/v1/me").status()).isEqualTo(401);
      assertThat(portal.post("/api/v1/sites", site("dem2")).status()).isIn(401, 403);
      assertThat(ApiClient.bearer(port, token).get("/api/v1/me").status()).isEqualTo(401);
      // Signing in again gives the new role.
      ApiClient again = session("demoted1", PASSWORD);
      assertThat(again.get("/api/v1/me").body().path("role").asText()).isEqualTo("viewer");
      assertThat(again.post("/api/v1/sites", site("dem3")).status()).isEqualTo(403);
      assertThat(db.fetchCount(db.selectFrom("site").where("code = 'dem2' or code = 'dem3'")))
          .isZero();
    }

    @Test
    @DisplayName("a disabled user's live session is refused at once")
    void disabled() {
      long id = user("disabled1", "operator");
      ApiClient portal = session("disabled1", PASSWORD);
      assertThat(portal.get("/api/v1/me").status()).isEqualTo(200);
      admin().send("PUT", "/api/v1/users/" + id, Map.of("role", "operator", "enabled", false));
      assertThat(portal.get("/api/v1/me").status()).isEqualTo(401);
      assertThat(portal.post("/api/v1/sites", site("dis1")).status()).isIn(401, 403);
      assertThat(ApiClient.session(port).login("disabled1", PASSWORD).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("an unchanged role keeps sessions and tokens")
    void unchanged() {
      long id = user("steady1", "operator");
      ApiClient portal = session("steady1", PASSWORD);
      admin().send("PUT", "/api/v1/users/" + id, Map.of("role", "operator", "enabled", true));
      assertThat(portal.get("/api/v1/me").status()).isEqualTo(200);
    }
  }

  @Nested
  @DisplayName("passwords")
  class Passwords {
    @Test
    @DisplayName("are refused when short, common, or containing the user name, naming the field")
    void policy() {
      for (String weak :
          new String[] {
            "short-pw",
            "password1234",
            "aaaaaaaaaaaa",
            "P@ssw0rd2024!",
            "qwerty123456",
            "policy1-is-me-policy1",
            "iloveyou!!!!",
            "1234567890"
          }) {
        var r =
            admin()
                .post(
                    "/api/v1/users",
                    Map.of("username", "policy1", "password", weak, "role", "viewer"));
        assertThat(r.status()).as(weak).isEqualTo(400);
        assertThat(r.body().path("errors").get(0).path("field").asText()).isEqualTo("password");
      }
      assertThat(users.exists("policy1")).isFalse();
    }

    @Test
    @DisplayName("a user changes their own with the old one; their other sessions end")
    void change() {
      user("changer1", "viewer");
      ApiClient elsewhere = session("changer1", PASSWORD);
      ApiClient here = session("changer1", PASSWORD);
      var wrongOld =
          here.post(
              "/api/v1/me/password",
              Map.of("oldPassword", "not-the-password", "newPassword", "Copper-Lantern-47"));
      assertThat(wrongOld.status()).isEqualTo(400);
      assertThat(wrongOld.body().path("errors").get(0).path("field").asText())
          .isEqualTo("oldPassword");
      var weak =
          here.post(
              "/api/v1/me/password",
              Map.of("oldPassword", PASSWORD, "newPassword", "password1234"));
      assertThat(weak.body().path("errors").get(0).path("field").asText()).isEqualTo("newPassword");

      var ok =
          here.post(
              "/api/v1/me/password",
              Map.of("oldPassword", PASSWORD, "newPassword", "Copper-Lantern-47"));
      assertThat(ok.status()).as(ok.raw()).isEqualTo(204);
      assertThat(here.get("/api/v1/me").status()).isEqualTo(200);
      assertThat(elsewhere.get("/api/v1/me").status()).isEqualTo(401);
      assertThat(ApiClient.basic(port, "changer1", PASSWORD).get("/api/v1/me").status())
          .isEqualTo(401);
      assertThat(ApiClient.basic(port, "changer1", "Copper-Lantern-47").get("/api/v1/me").status())
          .isEqualTo(200);
    }

    @Test
    @DisplayName("an admin resets one: the user's sessions end and tokens are revoked")
    void reset() {
      long id = user("reset1", "operator");
      ApiClient portal = session("reset1", PASSWORD);
      String token = token("reset1");
      var weak =
          admin()
              .send(
                  "PUT",
                  "/api/v1/users/" + id + "/password",
                  Map.of("password", "reset1reset1reset1"));
      assertThat(weak.status()).isEqualTo(400);
      var r =
          admin()
              .send(
                  "PUT",
                  "/api/v1/users/" + id + "/password",
                  Map.of("password", "Amber-Quarry-63"));
      assertThat(r.status()).isEqualTo(204);
      assertThat(portal.get("/api/v1/me").status()).isEqualTo(401);
      assertThat(ApiClient.bearer(port, token).get("/api/v1/me").status()).isEqualTo(401);
      assertThat(ApiClient.basic(port, "reset1", "Amber-Quarry-63").get("/api/v1/me").status())
          .isEqualTo(200);
      assertThat(
              ApiClient.basic(port, "reset1", "Amber-Quarry-63")
                  .send(
                      "PUT",
                      "/api/v1/users/" + id + "/password",
                      Map.of("password", "Amber-Quarry-64"))
                  .status())
          .isEqualTo(403);
    }

    @Test
    @DisplayName("a token without an expiry expires after the configured lifetime (90 days)")
    void tokenExpiry() {
      var r = admin().post("/api/v1/tokens", Map.of("name", "default-expiry"));
      OffsetDateTime expires =
          OffsetDateTime.parse(r.body().path("token").path("expiresAt").asText());
      Duration left = Duration.between(OffsetDateTime.now(), expires);
      assertThat(left).isBetween(Duration.ofDays(89), Duration.ofDays(90));
    }
  }

  @Nested
  @DisplayName("logins")
  class Logins {
    @Test
    @DisplayName("a forged form login (no CSRF token, or another one) signs nobody in")
    void loginCsrf() {
      user("csrf1", "viewer");
      // A cross-site form: the browser has no session and sends no token header.
      ApiClient forged = ApiClient.session(port);
      var noToken = forged.loginPosting("csrf1", PASSWORD, null);
      assertThat(noToken.status()).as(noToken.raw()).isEqualTo(403);
      assertThat(noToken.headers().allValues("Set-Cookie"))
          .noneSatisfy(c -> assertThat(c).startsWith("JSESSIONID="));
      assertThat(forged.get("/api/v1/me").status()).isEqualTo(401);
      // The victim's browser holds its own token cookie; the attacker's page cannot read it.
      ApiClient victim = ApiClient.session(port);
      victim.get("/login");
      assertThat(victim.xsrf()).isPresent();
      var guessed = victim.loginPosting("csrf1", PASSWORD, "not-the-token");
      assertThat(guessed.status()).as(guessed.raw()).isEqualTo(403);
      assertThat(victim.get("/api/v1/me").status()).isEqualTo(401);
      // The portal's own page echoes the token it was given and signs in.
      assertThat(victim.login("csrf1", PASSWORD).status()).isEqualTo(204);
      assertThat(victim.get("/api/v1/me").body().path("username").asText()).isEqualTo("csrf1");
    }

    @Test
    @DisplayName("five wrong Basic passwords lock the user out with backoff, audited; it ends")
    void basicLockout() throws InterruptedException {
      user("brute1", "viewer");
      ApiClient wrong = ApiClient.basic(port, "brute1", "wrong-password-x").from("127.0.3.1");
      for (int i = 0; i < 5; i++) {
        assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
      }
      // Locked: even the right password, even from another address, waits.
      var locked = ApiClient.basic(port, "brute1", PASSWORD).from("127.0.3.2").get("/api/v1/me");
      assertThat(locked.status()).isEqualTo(429);
      assertThat(locked.headers().firstValue("Retry-After")).isPresent();
      assertThat(
              db.fetchCount(
                  db.selectFrom("audit_log")
                      .where("action = 'login.lockout' and target = 'user:brute1'")))
          .isEqualTo(1);
      Thread.sleep(1_100);
      assertThat(
              ApiClient.basic(port, "brute1", PASSWORD)
                  .from("127.0.3.2")
                  .get("/api/v1/me")
                  .status())
          .isEqualTo(200);
      // A success cleared the user's failures: the next wrong password is one of five again.
      assertThat(wrong.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("the portal's form login is throttled the same way")
    void formLockout() {
      user("brute2", "viewer");
      for (int i = 0; i < 5; i++) {
        assertThat(
                ApiClient.session(port)
                    .from("127.0.3.3")
                    .login("brute2", "wrong-password-x")
                    .status())
            .isEqualTo(401);
      }
      assertThat(ApiClient.session(port).from("127.0.3.3").login("brute2", PASSWORD).status())
          .isEqualTo(429);
    }

    @Test
    @DisplayName("guessed tokens lock out the client address, not others")
    void tokenGuessing() {
      String token =
          admin().post("/api/v1/tokens", Map.of("name", "guess")).body().path("secret").asText();
      for (int i = 0; i < 20; i++) {
        assertThat(
                ApiClient.bearer(port, "lh_guess" + i).from("127.0.3.4").get("/api/v1/me").status())
            .isEqualTo(401);
      }
      assertThat(ApiClient.bearer(port, token).from("127.0.3.4").get("/api/v1/me").status())
          .isEqualTo(429);
      assertThat(ApiClient.bearer(port, token).from("127.0.3.5").get("/api/v1/me").status())
          .isEqualTo(200);
      assertThat(
              db.fetchCount(
                  db.selectFrom("audit_log")
                      .where("action = 'login.lockout' and target = 'address:127.0.3.4'")))
          .isEqualTo(1);
    }
  }

  @Nested
  @DisplayName("responses")
  class Responses {
    @Test
    @DisplayName("carry CSP, Referrer-Policy, Permissions-Policy, nosniff and frame denial")
    void headers() {
      for (String path : new String[] {"/", "/api/v1/me", "/login"}) {
        var h = admin().get(path).headers();
        assertThat(h.firstValue("Content-Security-Policy").orElse(""))
            .as(path)
            .contains("default-src 'self'")
            .contains("frame-ancestors 'none'");
        assertThat(h.firstValue("Referrer-Policy")).as(path).contains("same-origin");
        assertThat(h.firstValue("Permissions-Policy").orElse("")).as(path).contains("camera=()");
        assertThat(h.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
        assertThat(h.firstValue("X-Frame-Options")).as(path).contains("DENY");
      }
    }

    @Test
    @DisplayName("set session and CSRF cookies SameSite=Lax and the session cookie HttpOnly")
    void cookies() {
      user("cookie1", "viewer");
      var login = ApiClient.session(port).login("cookie1", PASSWORD);
      var setCookies = login.headers().allValues("Set-Cookie");
      assertThat(setCookies)
          .anySatisfy(
              c ->
                  assertThat(c)
                      .startsWith("JSESSIONID=")
                      .contains("SameSite=Lax")
                      .contains("HttpOnly"));
      assertThat(setCookies)
          .anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN=").contains("SameSite=Lax"));
    }

    @Test
    @DisplayName("/error asked for directly is a 404 to anyone, never a 500")
    void errorPage() {
      assertThat(ApiClient.anonymous(port).get("/error").status()).isEqualTo(404);
      assertThat(admin().get("/error").status()).isEqualTo(404);
    }
  }
}
