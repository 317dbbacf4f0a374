package io.longhaul.contracts.spawn;

/**
 * A leaf's configuration workflow between continue-as-new: its switch and site, how many batches it
 * pushed so far, and how long it gathers requests before pushing.
 */
public record LeafConfigState(String switchName, String site, long batches, Long lingerMillis) {
  public static final long DEFAULT_LINGER_MILLIS = 150;

  public long lingerOrDefault() {
    return lingerMillis == null ? DEFAULT_LINGER_MILLIS : lingerMillis;
  }
}
