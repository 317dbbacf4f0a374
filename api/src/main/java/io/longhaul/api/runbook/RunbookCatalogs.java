package io.longhaul.api.runbook;

import io.longhaul.contracts.action.ActionContract;
import io.longhaul.contracts.action.Actions;
import io.longhaul.db.runbook.RunbookRepository;
import io.longhaul.dsl.RunbookJson;
import io.longhaul.dsl.check.ActionSpec;
import io.longhaul.dsl.check.Catalogs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a runbook is validated against: the actions registry (contracts) as the DSL sees it, and the
 * stored runbooks a runbook may call (their latest version, or the one it names).
 */
@Component
public class RunbookCatalogs {
  static final Map<String, ActionSpec> ACTIONS = specs();

  private final RunbookRepository runbooks;

  public RunbookCatalogs(RunbookRepository runbooks) {
    this.runbooks = runbooks;
  }

  public Catalogs catalogs() {
    return new Catalogs(
        ACTIONS,
        (name, version) ->
            (version == null ? runbooks.latest(name) : runbooks.version(name, version))
                .map(
                    v -> new Catalogs.Pinned(name, v.version(), RunbookJson.read(v.definition()))));
  }

  /** The registry's actions as validation sees them. */
  public static Map<String, ActionSpec> actions() {
    return ACTIONS;
  }

  static ActionSpec spec(ActionContract a) {
    return ActionSpec.of(
        a.name(),
        a.description(),
        a.inputFields(),
        a.required(),
        a.outputFields(),
        a.read(),
        a.undo().name(),
        a.undoAction());
  }

  private static Map<String, ActionSpec> specs() {
    Map<String, ActionSpec> out = new LinkedHashMap<>();
    Actions.all().forEach(a -> out.put(a.name(), spec(a)));
    return Map.copyOf(out);
  }
}
