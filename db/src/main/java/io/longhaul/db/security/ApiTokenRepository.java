package io.longhaul.db.security;

import static io.longhaul.db.jooq.Tables.API_TOKEN;
import static io.longhaul.db.jooq.Tables.APP_USER;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
public class ApiTokenRepository {
  private final DSLContext db;

  public ApiTokenRepository(DSLContext db) {
    this.db = db;
  }

  public ApiToken create(long userId, String name, String tokenSha256, OffsetDateTime expiresAt) {
    return db.insertInto(API_TOKEN)
        .set(API_TOKEN.USER_ID, userId)
        .set(API_TOKEN.NAME, name)
        .set(API_TOKEN.TOKEN_SHA256, tokenSha256)
        .set(API_TOKEN.EXPIRES_AT, expiresAt)
        .returning()
        .fetchSingle(ApiTokenRepository::map);
  }

  /** The enabled user owning an unexpired token with this hash; records the use. */
  public Optional<AppUser> authenticate(String tokenSha256) {
    var now = OffsetDateTime.now();
    Optional<AppUser> user =
        db.select(APP_USER.fields())
            .from(API_TOKEN)
            .join(APP_USER)
            .on(APP_USER.ID.eq(API_TOKEN.USER_ID))
            .where(API_TOKEN.TOKEN_SHA256.eq(tokenSha256))
            .and(APP_USER.ENABLED.isTrue())
            .and(API_TOKEN.EXPIRES_AT.isNull().or(API_TOKEN.EXPIRES_AT.gt(now)))
            .fetchOptional(UserRepository::map);
    user.ifPresent(
        u ->
            db.update(API_TOKEN)
                .set(API_TOKEN.LAST_USED_AT, now)
                .where(API_TOKEN.TOKEN_SHA256.eq(tokenSha256))
                .execute());
    return user;
  }

  public List<ApiToken> listForUser(long userId) {
    return db.selectFrom(API_TOKEN)
        .where(API_TOKEN.USER_ID.eq(userId))
        .orderBy(API_TOKEN.ID)
        .fetch(ApiTokenRepository::map);
  }

  public boolean delete(long userId, long tokenId) {
    return db.deleteFrom(API_TOKEN)
            .where(API_TOKEN.ID.eq(tokenId))
            .and(API_TOKEN.USER_ID.eq(userId))
            .execute()
        > 0;
  }

  /** Revokes every token of the user (their role changed, or they were disabled); how many. */
  public int deleteAllOf(long userId) {
    return db.deleteFrom(API_TOKEN).where(API_TOKEN.USER_ID.eq(userId)).execute();
  }

  private static ApiToken map(org.jooq.Record row) {
    var r = row.into(API_TOKEN);
    return new ApiToken(
        r.getId(),
        r.getUserId(),
        r.getName(),
        r.getCreatedAt(),
        r.getExpiresAt(),
        r.getLastUsedAt());
  }
}
