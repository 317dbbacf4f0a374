package io.longhaul.api.window;

import io.longhaul.api.error.BadRequestException;
import io.longhaul.contracts.window.Scope;
import java.util.List;

/** Scope strings from requests, checked and normalised. */
final class Scopes {
  private Scopes() {}

  static List<String> parse(String field, List<String> scopes) {
    if (scopes == null) {
      return List.of();
    }
    try {
      return scopes.stream().map(Scope::parse).map(Scope::toString).distinct().toList();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(field, e.getMessage());
    }
  }
}
