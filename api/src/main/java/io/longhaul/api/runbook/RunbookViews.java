package io.longhaul.api.runbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.contracts.action.ActionContract;
import io.longhaul.contracts.action.FieldTypes;
import io.longhaul.db.runbook.RunbookVersion;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What {@code /api/v1/runbooks} answers. */
final class RunbookViews {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunbookViews() {}

  /** A version: the YAML as written, the definition a run pins, and its operation's name. */
  record Version(
      String runbook,
      int version,
      String title,
      String operation,
      String source,
      Map<String, Object> definition,
      String reason,
      String createdBy,
      OffsetDateTime createdAt) {}

  record VersionSummary(
      int version,
      String title,
      String operation,
      String reason,
      String createdBy,
      OffsetDateTime createdAt) {}

  record Valid(boolean valid, String name, String title, Map<String, Object> definition) {}

  record Diff(int from, int to, List<LineDiff.Line> lines) {}

  record Action(
      String name,
      String description,
      String queue,
      String profile,
      boolean read,
      String undo,
      String undoAction,
      Map<String, Object> input,
      Map<String, Object> output) {}

  @SuppressWarnings("unchecked")
  static Version of(RunbookVersion v) {
    return new Version(
        v.runbook(),
        v.version(),
        v.title(),
        RunbookOperations.operationName(v.runbook(), v.version()),
        v.source(),
        asMap(v.definition()),
        v.reason(),
        v.createdBy(),
        v.createdAt());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(String json) {
    try {
      return JSON.readValue(json, Map.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not JSON", e);
    }
  }

  static VersionSummary summary(RunbookVersion v) {
    return new VersionSummary(
        v.version(),
        v.title(),
        RunbookOperations.operationName(v.runbook(), v.version()),
        v.reason(),
        v.createdBy(),
        v.createdAt());
  }

  static Action of(ActionContract a) {
    return new Action(
        a.name(),
        a.description(),
        a.queue().name().toLowerCase(java.util.Locale.ROOT),
        a.profile(),
        a.read(),
        a.undo().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        a.undoAction(),
        FieldTypes.objectSchema(a.inputFields(), a.required().stream().sorted().toList()),
        FieldTypes.objectSchema(a.outputFields(), List.of()));
  }
}
