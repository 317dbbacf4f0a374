package io.longhaul.db.inventory;

import java.time.OffsetDateTime;

/** A leaf or spine switch; its credentials are references, never secrets. */
public record NetworkSwitch(
    long id,
    long siteId,
    String name,
    String role,
    String dialect,
    String leafPair,
    String mgmtAddress,
    int sshPort,
    int snmpPort,
    Long sshCredentialId,
    Long snmpCredentialId,
    OffsetDateTime createdAt) {

  public record Spec(
      long siteId,
      String name,
      String role,
      String dialect,
      String leafPair,
      String mgmtAddress,
      int sshPort,
      int snmpPort,
      Long sshCredentialId,
      Long snmpCredentialId) {}
}
