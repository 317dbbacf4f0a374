package io.longhaul.db.credential;

import static io.longhaul.db.jooq.Tables.CREDENTIAL;

import io.longhaul.db.NotFoundException;
import io.longhaul.db.jooq.tables.records.CredentialRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Stores credentials sealed; only {@link #reveal} opens one, for the activities that log in. */
@Repository
public class CredentialRepository {
  private final DSLContext db;
  private final CredentialCipher cipher;

  public CredentialRepository(DSLContext db, CredentialCipher cipher) {
    this.db = db;
    this.cipher = cipher;
  }

  public Credential create(Credential.Spec spec) {
    return map(
        db.insertInto(CREDENTIAL)
            .set(CREDENTIAL.NAME, spec.name())
            .set(CREDENTIAL.KIND, spec.kind())
            .set(CREDENTIAL.USERNAME, spec.username())
            .set(CREDENTIAL.SECRET_CIPHERTEXT, cipher.seal(spec.name(), spec.secret()))
            .set(CREDENTIAL.KEY_ID, cipher.keyId())
            .returning()
            .fetchSingle());
  }

  /** Replaces the username and secret; the name is the credential's identity and stays. */
  public Credential update(long id, String username, String secret) {
    Credential existing = get(id);
    return db.update(CREDENTIAL)
        .set(CREDENTIAL.USERNAME, username)
        .set(CREDENTIAL.SECRET_CIPHERTEXT, cipher.seal(existing.name(), secret))
        .set(CREDENTIAL.KEY_ID, cipher.keyId())
        .set(CREDENTIAL.UPDATED_AT, OffsetDateTime.now())
        .where(CREDENTIAL.ID.eq(id))
        .returning()
        .fetchOptional()
        .map(CredentialRepository::map)
        .orElseThrow(() -> new NotFoundException("credential", id));
  }

  public List<Credential> list() {
    return db.selectFrom(CREDENTIAL).orderBy(CREDENTIAL.NAME).fetch(CredentialRepository::map);
  }

  public Optional<Credential> find(long id) {
    return db.selectFrom(CREDENTIAL)
        .where(CREDENTIAL.ID.eq(id))
        .fetchOptional(CredentialRepository::map);
  }

  public Optional<Credential> findByName(String name) {
    return db.selectFrom(CREDENTIAL)
        .where(CREDENTIAL.NAME.eq(name))
        .fetchOptional(CredentialRepository::map);
  }

  public Credential get(long id) {
    return find(id).orElseThrow(() -> new NotFoundException("credential", id));
  }

  /** The plaintext secret. Callers hand it to a driver and never log or persist it. */
  public String reveal(long id) {
    CredentialRecord r =
        db.selectFrom(CREDENTIAL)
            .where(CREDENTIAL.ID.eq(id))
            .fetchOptional()
            .orElseThrow(() -> new NotFoundException("credential", id));
    return cipher.open(r.getName(), r.getKeyId(), r.getSecretCiphertext());
  }

  public void delete(long id) {
    if (db.deleteFrom(CREDENTIAL).where(CREDENTIAL.ID.eq(id)).execute() == 0) {
      throw new NotFoundException("credential", id);
    }
  }

  private static Credential map(CredentialRecord r) {
    return new Credential(
        r.getId(), r.getName(), r.getKind(), r.getUsername(), r.getKeyId(), r.getUpdatedAt());
  }
}
