package io.longhaul.workflows.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.longhaul.contracts.action.Actions;
import io.longhaul.dsl.RunbookCompiler;
import io.longhaul.dsl.RunbookInput;
import io.longhaul.dsl.check.ActionSpec;
import io.longhaul.dsl.check.Catalogs;
import io.longhaul.dsl.model.Runbook;
import java.util.LinkedHashMap;
import java.util.Map;

/** Compiles a test's runbook with the real actions registry, as the API does before a run. */
final class Runbooks {
  private Runbooks() {}

  static Map<String, ActionSpec> specs() {
    Map<String, ActionSpec> out = new LinkedHashMap<>();
    for (var a : Actions.all()) {
      out.put(
          a.name(),
          ActionSpec.of(
              a.name(),
              a.description(),
              a.inputFields(),
              a.required(),
              a.outputFields(),
              a.read(),
              a.undo().name(),
              a.undoAction()));
    }
    return out;
  }

  static Runbook compile(String yaml, Catalogs.Runbooks children) {
    var compiled = RunbookCompiler.compile("test.yaml", yaml, new Catalogs(specs(), children));
    assertThat(compiled.problems()).as("the test's runbook is valid").isEmpty();
    return compiled.runbook();
  }

  static RunbookInput input(String yaml, Map<String, Object> params) {
    return new RunbookInput("test", 1, compile(yaml, Catalogs.Runbooks.NONE), params, "s1");
  }
}
