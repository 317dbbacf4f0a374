package io.longhaul.db.credential;

import static io.longhaul.db.jooq.Tables.CREDENTIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.longhaul.db.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CredentialRepositoryTest {
  DSLContext db;
  CredentialCipher cipher;
  CredentialRepository credentials;

  static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @BeforeEach
  void setUp() {
    db = TestDatabase.dsl();
    cipher = new CredentialCipher(randomKey());
    credentials = new CredentialRepository(db, cipher);
  }

  @Test
  @DisplayName("stores secrets sealed: the row never holds the plaintext, reveal opens it")
  void sealedAtRest() {
    Credential c =
        credentials.create(
            new Credential.Spec("leaf-ssh", "ssh-password", "netops", "s3cret-pass"));
    byte[] stored = db.select(CREDENTIAL.SECRET_CIPHERTEXT).from(CREDENTIAL).fetchSingle().value1();
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret-pass");
    assertThat(c.keyId()).isEqualTo(cipher.keyId());
    assertThat(credentials.reveal(c.id())).isEqualTo("s3cret-pass");
    assertThat(c.toString()).doesNotContain("s3cret");
  }

  @Test
  @DisplayName("a different key cannot open a secret, and says which key sealed it")
  void wrongKey() {
    Credential c =
        credentials.create(
            new Credential.Spec("leaf-ssh", "ssh-password", "netops", "s3cret-pass"));
    CredentialRepository other = new CredentialRepository(db, new CredentialCipher(randomKey()));
    assertThatThrownBy(() -> other.reveal(c.id()))
        .hasMessageContaining(c.keyId())
        .hasMessageNotContaining("s3cret");
  }

  @Test
  @DisplayName("a ciphertext moved onto another credential's row does not open")
  void boundToItsName() {
    Credential a = credentials.create(new Credential.Spec("a", "ssh-password", "u", "alpha"));
    Credential b = credentials.create(new Credential.Spec("b", "ssh-password", "u", "bravo"));
    byte[] sealedA =
        db.select(CREDENTIAL.SECRET_CIPHERTEXT)
            .from(CREDENTIAL)
            .where(CREDENTIAL.ID.eq(a.id()))
            .fetchSingle()
            .value1();
    db.update(CREDENTIAL)
        .set(CREDENTIAL.SECRET_CIPHERTEXT, sealedA)
        .where(CREDENTIAL.ID.eq(b.id()))
        .execute();
    assertThatThrownBy(() -> credentials.reveal(b.id()))
        .hasMessageContaining("could not be opened");
  }

  @Test
  @DisplayName("updating replaces the secret")
  void update() {
    Credential c = credentials.create(new Credential.Spec("a", "ssh-password", "u", "old"));
    credentials.update(c.id(), "u2", "new");
    assertThat(credentials.reveal(c.id())).isEqualTo("new");
    assertThat(credentials.get(c.id()).username()).isEqualTo("u2");
  }
}
