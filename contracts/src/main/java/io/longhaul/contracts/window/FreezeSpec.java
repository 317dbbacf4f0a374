package io.longhaul.contracts.window;

import java.util.List;

/**
 * A blackout: no disruptive step of a covered scope starts from {@code startsAtMillis} until {@code
 * endsAtMillis} (null: until lifted). No scopes, or the global scope, covers everything.
 */
public record FreezeSpec(
    long id,
    String name,
    List<Scope> scopes,
    long startsAtMillis,
    Long endsAtMillis,
    String reason) {

  public FreezeSpec {
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  public boolean coversAll() {
    return scopes.isEmpty() || scopes.stream().anyMatch(s -> Scope.GLOBAL.equals(s.kind()));
  }

  /** Whether this freeze blocks a step declaring any of {@code stepScopes}. */
  public boolean covers(List<Scope> stepScopes) {
    return coversAll() || scopes.stream().anyMatch(stepScopes::contains);
  }
}
