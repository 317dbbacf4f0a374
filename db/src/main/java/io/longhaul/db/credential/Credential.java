package io.longhaul.db.credential;

import java.time.OffsetDateTime;

/** A credential's public face: everything but the secret, which is write-only. */
public record Credential(
    long id, String name, String kind, String username, String keyId, OffsetDateTime updatedAt) {

  /** What a caller supplies; {@code secret} is sealed before it is stored. */
  public record Spec(String name, String kind, String username, String secret) {
    @Override
    public String toString() {
      return "Spec[name=" + name + ", kind=" + kind + ", username=" + username + ", secret=***]";
    }
  }
}
