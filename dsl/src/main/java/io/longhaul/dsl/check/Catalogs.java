package io.longhaul.dsl.check;

import io.longhaul.dsl.model.Runbook;
import java.util.Map;
import java.util.Optional;

/** What validation looks names up in: the actions, and the runbooks a runbook may call. */
public record Catalogs(Map<String, ActionSpec> actions, Runbooks runbooks) {

  /** A stored runbook version, as a caller pins it. */
  public record Pinned(String name, int version, Runbook definition) {}

  public interface Runbooks {
    /** The version asked for, or the latest when {@code version} is null. */
    Optional<Pinned> find(String name, Integer version);

    Runbooks NONE = (name, version) -> Optional.empty();
  }
}
