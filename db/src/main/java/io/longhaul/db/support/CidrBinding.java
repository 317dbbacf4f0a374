package io.longhaul.db.support;

/** PostgreSQL {@code cidr} as its text form, e.g. {@code 10.0.0.0/24}. */
public final class CidrBinding extends PgTextBinding {
  public CidrBinding() {
    super("cidr");
  }
}
