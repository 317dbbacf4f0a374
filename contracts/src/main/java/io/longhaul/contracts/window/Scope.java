package io.longhaul.contracts.window;

import java.util.Objects;
import java.util.Set;

/**
 * What a disruptive step touches, or what a window or freeze covers: a site, a BU, a device group,
 * an operation type, or (freezes only) everything.
 */
public record Scope(String kind, String value) {
  public static final String SITE = "site";
  public static final String BU = "bu";
  public static final String DEVICE_GROUP = "device-group";
  public static final String OPERATION = "operation";
  public static final String GLOBAL = "global";
  public static final Set<String> KINDS = Set.of(SITE, BU, DEVICE_GROUP, OPERATION, GLOBAL);

  public Scope {
    Objects.requireNonNull(kind, "kind");
    if (!KINDS.contains(kind)) {
      throw new IllegalArgumentException(
          "scope kind must be one of " + KINDS.stream().sorted().toList() + ", not " + kind);
    }
    if (GLOBAL.equals(kind)) {
      value = "*";
    } else if (value == null || !value.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
      throw new IllegalArgumentException("scope value must be a short name, not " + value);
    }
  }

  public static Scope site(String code) {
    return new Scope(SITE, code);
  }

  public static Scope operation(String name) {
    return new Scope(OPERATION, name);
  }

  public static Scope global() {
    return new Scope(GLOBAL, "*");
  }

  /** Parses {@code kind:value} (or {@code global}), as query parameters carry it. */
  public static Scope parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("scope is missing");
    }
    if (GLOBAL.equals(text)) {
      return global();
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("scope must be kind:value, not " + text);
    }
    return new Scope(text.substring(0, colon), text.substring(colon + 1));
  }

  /** Whether a window or freeze scoped here covers a step declaring {@code step}. */
  public boolean covers(Scope step) {
    return GLOBAL.equals(kind) || equals(step);
  }

  @Override
  public String toString() {
    return GLOBAL.equals(kind) ? GLOBAL : kind + ":" + value;
  }
}
