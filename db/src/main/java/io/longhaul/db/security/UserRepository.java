package io.longhaul.db.security;

import static io.longhaul.db.jooq.Tables.APP_USER;

import io.longhaul.db.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {
  private final DSLContext db;

  public UserRepository(DSLContext db) {
    this.db = db;
  }

  public AppUser create(String username, String passwordHash, String role) {
    return db.insertInto(APP_USER)
        .set(APP_USER.USERNAME, username)
        .set(APP_USER.PASSWORD_HASH, passwordHash)
        .set(APP_USER.ROLE, role)
        .returning()
        .fetchSingle(UserRepository::map);
  }

  public Optional<AppUser> findByUsername(String username) {
    return db.selectFrom(APP_USER)
        .where(APP_USER.USERNAME.eq(username))
        .fetchOptional(UserRepository::map);
  }

  public Optional<AppUser> find(long id) {
    return db.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional(UserRepository::map);
  }

  public List<AppUser> list() {
    return db.selectFrom(APP_USER).orderBy(APP_USER.USERNAME).fetch(UserRepository::map);
  }

  public boolean exists(String username) {
    return db.fetchExists(APP_USER, APP_USER.USERNAME.eq(username));
  }

  /** Sets role and enabled; a change of either ends the user's sessions (the version goes up). */
  public AppUser update(long id, String role, boolean enabled) {
    return db.update(APP_USER)
        .set(APP_USER.ROLE, role)
        .set(APP_USER.ENABLED, enabled)
        .set(
            APP_USER.SESSION_VERSION,
            DSL.when(
                    APP_USER.ROLE.ne(role).or(APP_USER.ENABLED.ne(enabled)),
                    APP_USER.SESSION_VERSION.plus(1))
                .otherwise(APP_USER.SESSION_VERSION))
        .where(APP_USER.ID.eq(id))
        .returning()
        .fetchOptional(UserRepository::map)
        .orElseThrow(() -> new NotFoundException("user", id));
  }

  /** Sets the password hash and ends the user's sessions; returns the user as now stored. */
  public AppUser setPassword(long id, String passwordHash) {
    return db.update(APP_USER)
        .set(APP_USER.PASSWORD_HASH, passwordHash)
        .set(APP_USER.SESSION_VERSION, APP_USER.SESSION_VERSION.plus(1))
        .where(APP_USER.ID.eq(id))
        .returning()
        .fetchOptional(UserRepository::map)
        .orElseThrow(() -> new NotFoundException("user", id));
  }

  static AppUser map(org.jooq.Record row) {
    var r = row.into(APP_USER);
    return new AppUser(
        r.getId(),
        r.getUsername(),
        r.getPasswordHash(),
        r.getRole(),
        r.getEnabled(),
        r.getSessionVersion());
  }
}
