package io.longhaul.db;

/** A row the caller named does not exist. */
public class NotFoundException extends RuntimeException {
  private final String kind;
  private final String key;

  public NotFoundException(String kind, Object key) {
    super(kind + " '" + key + "' does not exist");
    this.kind = kind;
    this.key = String.valueOf(key);
  }

  public String kind() {
    return kind;
  }

  public String key() {
    return key;
  }
}
