package io.longhaul.db.inventory;

import java.time.OffsetDateTime;

/**
 * A leaf or spine switch; its credentials are references, never secrets. {@code snmpContext} is the
 * SNMPv3 context its agent serves it under ("" for the default).
 */
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
    OffsetDateTime createdAt,
    String snmpContext) {

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
      Long snmpCredentialId,
      String snmpContext) {
    public Spec {
      snmpContext = snmpContext == null ? "" : snmpContext;
    }
  }
}
