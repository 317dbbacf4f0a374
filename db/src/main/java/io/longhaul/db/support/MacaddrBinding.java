package io.longhaul.db.support;

/** PostgreSQL {@code macaddr} as its text form, e.g. {@code 02:4c:00:00:00:01}. */
public final class MacaddrBinding extends PgTextBinding {
  public MacaddrBinding() {
    super("macaddr");
  }
}
