package io.longhaul.dsl.check;

import java.util.HashMap;
import java.util.Map;

/** Every step of a runbook by id: where it is, in which block, in which order, which action. */
final class StepIndex {
  record Entry(String id, String pointer, int order, String parent, ActionSpec action) {}

  private final Map<String, Entry> byId = new HashMap<>();

  Entry get(String id) {
    return byId.get(id);
  }

  /** Adds a step; returns the entry already holding its id, if any. */
  Entry add(Entry e) {
    return byId.putIfAbsent(e.id(), e);
  }

  int size() {
    return byId.size();
  }
}
