package io.longhaul.db.support;

/** PostgreSQL {@code inet} as its text form, e.g. {@code 10.0.0.5} or {@code 10.0.0.5/24}. */
public final class InetBinding extends PgTextBinding {
  public InetBinding() {
    super("inet");
  }
}
