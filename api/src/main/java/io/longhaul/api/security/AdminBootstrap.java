package io.longhaul.api.security;

import io.longhaul.db.security.UserRepository;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin, {@code admin}, when no such user exists. Its password comes from
 * LONGHAUL_ADMIN_PASSWORD; without it one is generated and printed once, to the console only.
 */
@Component
public class AdminBootstrap implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
  public static final String ADMIN = "admin";

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final Environment env;
  private volatile String generatedPassword;

  public AdminBootstrap(
      UserRepository users, PasswordEncoder encoder, PasswordPolicy policy, Environment env) {
    this.users = users;
    this.encoder = encoder;
    this.policy = policy;
    this.env = env;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (users.exists(ADMIN)) {
      return;
    }
    String password = env.getProperty("LONGHAUL_ADMIN_PASSWORD");
    if (password == null || password.isBlank()) {
      byte[] bytes = new byte[18];
      new SecureRandom().nextBytes(bytes);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      generatedPassword = password;
      // Printed, not logged: log files are shipped and kept; the console of a first start is not.
      System.out.println();
      System.out.println("  First start: created user 'admin' with password " + password);
      System.out.println("  It is shown only this once. Set LONGHAUL_ADMIN_PASSWORD to choose it.");
      System.out.println();
    } else {
      // Warned, not refused: a deployment that chose it should still start and can change it.
      String problem = policy.problem(ADMIN, password);
      if (problem != null) {
        log.warn(
            "LONGHAUL_ADMIN_PASSWORD {}; change it (POST /api/v1/me/password) after signing in",
            problem);
      }
    }
    users.create(ADMIN, encoder.encode(password), Role.ADMIN.value());
    log.info("created the first admin user '{}'", ADMIN);
  }

  /** Whether this start generated the admin password (the startup banner mentions it). */
  public boolean generatedPassword() {
    return generatedPassword != null;
  }
}
