package io.longhaul.dsl.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.dsl.model.ActionStep;
import io.longhaul.dsl.model.ApprovalStep;
import io.longhaul.dsl.model.Compensation;
import io.longhaul.dsl.model.FailStep;
import io.longhaul.dsl.model.ForeachStep;
import io.longhaul.dsl.model.IfStep;
import io.longhaul.dsl.model.ParallelStep;
import io.longhaul.dsl.model.Runbook;
import io.longhaul.dsl.model.RunbookCallStep;
import io.longhaul.dsl.model.RunbookStep;
import io.longhaul.dsl.model.StepOptions;
import io.longhaul.dsl.model.WaitUntilStep;
import io.longhaul.dsl.model.WindowStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON tree that passed the structure check, as the runbook model. Every field the schema allows
 * is read here; the interpreter honours each.
 */
public final class RunbookReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunbookReader() {}

  public static Runbook read(JsonNode t) {
    return new Runbook(
        t.path("name").asText(),
        t.path("title").asText(),
        text(t, "description"),
        t.has("params") ? map(t.get("params")) : null,
        text(t, "site"),
        strings(t.path("scopes")),
        strings(t.path("leases")),
        steps(t.path("steps")));
  }

  static List<RunbookStep> steps(JsonNode a) {
    List<RunbookStep> out = new ArrayList<>();
    a.forEach(s -> out.add(step(s)));
    return out;
  }

  static RunbookStep step(JsonNode s) {
    String id = s.path("id").asText();
    StepOptions o = options(s);
    if (s.has("wait-until")) {
      return new WaitUntilStep(
          id,
          o,
          s.path("action").asText(),
          map(s.path("input")),
          s.path("wait-until").asText(),
          text(s, "interval"),
          text(s, "max-interval"),
          text(s, "deadline"));
    }
    if (s.has("action")) {
      return new ActionStep(id, o, s.path("action").asText(), map(s.path("input")));
    }
    if (s.has("parallel")) {
      return new ParallelStep(id, o, steps(s.path("parallel")));
    }
    if (s.has("foreach")) {
      return new ForeachStep(
          id,
          o,
          s.path("foreach").asText(),
          s.has("as") ? s.path("as").asText() : "item",
          s.path("concurrency").asInt(1),
          steps(s.path("steps")));
    }
    if (s.has("if")) {
      return new IfStep(id, o, s.path("if").asText(), steps(s.path("then")), steps(s.path("else")));
    }
    if (s.has("approval")) {
      JsonNode a = s.path("approval");
      return new ApprovalStep(
          id, o, a.path("role").asText("approver"), a.path("plan").asText(), text(a, "expires"));
    }
    if (s.has("window")) {
      JsonNode w = s.path("window");
      return new WindowStep(
          id,
          o,
          strings(w.path("scopes")),
          w.path("expected").asText("PT10M"),
          steps(w.path("steps")));
    }
    if (s.has("runbook")) {
      return new RunbookCallStep(
          id,
          o,
          s.path("runbook").asText(),
          s.has("version") ? s.path("version").asInt() : null,
          map(s.path("params")),
          null);
    }
    return new FailStep(id, o, s.path("fail").asText());
  }

  private static StepOptions options(JsonNode s) {
    JsonNode c = s.path("compensate");
    return new StepOptions(
        text(s, "retry"),
        text(s, "timeout"),
        c.isObject() ? new Compensation(c.path("action").asText(), map(c.path("input"))) : null,
        s.path("skippable").asBoolean(false),
        strings(s.path("leases")));
  }

  private static String text(JsonNode n, String field) {
    return n.hasNonNull(field) ? n.get(field).asText() : null;
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asText()));
    return out;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(JsonNode o) {
    return o.isObject() ? JSON.convertValue(o, Map.class) : Map.of();
  }
}
