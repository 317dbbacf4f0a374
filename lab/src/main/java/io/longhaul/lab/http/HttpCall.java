package io.longhaul.lab.http;

/** One authenticated request: method, decoded path, raw query (null when none) and body text. */
public record HttpCall(String method, String path, String query, String body) {

  /** {@code "GET /version"}: what the command-fails fault's prefix is matched against. */
  public String line() {
    return method + " " + path;
  }
}
