package io.longhaul.drivers;

import java.util.Objects;

/** SNMP credentials: v2c community (lab) or v3 USM authPriv (production). Never printed. */
public sealed interface SnmpCredentials {

  /** SNMPv2c with a community string. */
  record V2c(String community) implements SnmpCredentials {
    public V2c {
      Objects.requireNonNull(community, "community");
    }

    @Override
    public String toString() {
      return "V2c[community=***]";
    }
  }

  /**
   * SNMPv3 USM authPriv with HMAC-SHA-256 authentication and AES-128 privacy. {@code contextName}
   * selects the agent's context (one agent serving several switches or instances); "" for the
   * default context.
   */
  record V3(String user, String authPassword, String privPassword, String contextName)
      implements SnmpCredentials {
    public V3(String user, String authPassword, String privPassword) {
      this(user, authPassword, privPassword, "");
    }

    public V3 {
      Objects.requireNonNull(user, "user");
      contextName = contextName == null ? "" : contextName;
      if (authPassword == null || authPassword.length() < 8) {
        throw new IllegalArgumentException("SNMPv3 auth password needs at least 8 characters");
      }
      if (privPassword == null || privPassword.length() < 8) {
        throw new IllegalArgumentException("SNMPv3 priv password needs at least 8 characters");
      }
    }

    @Override
    public String toString() {
      return "V3[user=" + user + ", authPriv SHA-256/AES-128, context=" + contextName + "]";
    }
  }
}
