package io.longhaul.api.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.api.operation.OperationCatalog;
import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.operation.OperationDefinition;
import io.longhaul.db.runbook.RunbookRepository;
import io.longhaul.db.runbook.RunbookVersion;
import io.longhaul.dsl.RunbookInput;
import io.longhaul.dsl.RunbookJson;
import io.longhaul.dsl.model.ActionStep;
import io.longhaul.dsl.model.Runbook;
import io.longhaul.dsl.model.RunbookStep;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Each version of each runbook not archived, as an operation of the catalog: {@code
 * runbook.<name>.v<version>}. Starting it goes through the run service like any operation (params
 * checked against the runbook's params schema, run record, audit); its input pins the version's
 * validated definition, so an edit never reaches a run in flight, and a resumed or re-run run gets
 * the same definition again.
 */
@Component
public class RunbookOperations implements OperationCatalog.DynamicOperations {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME =
      Pattern.compile("runbook\\.([a-z][a-z0-9-]{1,47})\\.v([1-9][0-9]{0,8})");

  private final RunbookRepository runbooks;

  public RunbookOperations(RunbookRepository runbooks) {
    this.runbooks = runbooks;
  }

  public static String operationName(String runbook, int version) {
    return "runbook." + runbook + ".v" + version;
  }

  @Override
  public Optional<OperationCatalog.Entry> find(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) return Optional.empty();
    String runbook = m.group(1);
    if (runbooks.list().stream().anyMatch(s -> s.name().equals(runbook) && s.archived())) {
      return Optional.empty();
    }
    return runbooks.version(runbook, Integer.parseInt(m.group(2))).map(RunbookOperations::entry);
  }

  @Override
  public List<OperationCatalog.Entry> all() {
    return runbooks.live().stream().map(RunbookOperations::entry).toList();
  }

  static OperationCatalog.Entry entry(RunbookVersion v) {
    Runbook rb = RunbookJson.read(v.definition());
    JsonNode schema = JSON.valueToTree(rb.params());
    OperationDefinition def =
        new OperationDefinition(
            operationName(v.runbook(), v.version()),
            rb.title() + " (runbook v" + v.version() + ")",
            rb.description() == null ? "" : rb.description(),
            RunbookInput.WORKFLOW_TYPE,
            RunbookInput.class,
            TaskQueues.WORKFLOWS,
            "runbook:" + v.runbook() + "@" + v.version(),
            rb.siteParam(),
            rb.steps().stream()
                .map(s -> new OperationDefinition.StageLabel(s.id(), label(s)))
                .toList());
    return new OperationCatalog.Entry(
        def,
        schema,
        OperationCatalog.compile(schema),
        params -> input(v.runbook(), v.version(), rb, params));
  }

  @SuppressWarnings("unchecked")
  static RunbookInput input(String name, int version, Runbook rb, JsonNode params) {
    Map<String, Object> p = JSON.convertValue(params, Map.class);
    String site =
        rb.siteParam() != null && params.hasNonNull(rb.siteParam())
            ? params.get(rb.siteParam()).asText()
            : null;
    return new RunbookInput(name, version, rb, p, site);
  }

  private static String label(RunbookStep s) {
    return switch (s) {
      case ActionStep a -> s.id() + " (" + a.action() + ")";
      default -> s.id();
    };
  }
}
