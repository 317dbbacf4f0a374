package io.longhaul.api.runbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.api.audit.AuditService;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.error.ConflictException;
import io.longhaul.api.error.FieldProblem;
import io.longhaul.api.operation.OperationCatalog;
import io.longhaul.api.operation.ParamsValidator;
import io.longhaul.db.NotFoundException;
import io.longhaul.db.runbook.RunbookRepository;
import io.longhaul.db.runbook.RunbookVersion;
import io.longhaul.dsl.Problem;
import io.longhaul.dsl.RunbookCompiler;
import io.longhaul.dsl.RunbookInput;
import io.longhaul.dsl.RunbookJson;
import io.longhaul.dsl.model.Runbook;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runbooks' lifecycle: every save is validated first (nothing invalid is stored), becomes a new
 * version with who and why, and is audited. Problems come back as 400s naming {@code source} with
 * the JSON pointer of the node, and its line and column.
 */
@Service
public class RunbookService {
  static final String FILE = "runbook.yaml";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunbookRepository runbooks;
  private final RunbookCatalogs catalogs;
  private final AuditService audit;

  public RunbookService(RunbookRepository runbooks, RunbookCatalogs catalogs, AuditService audit) {
    this.runbooks = runbooks;
    this.catalogs = catalogs;
    this.audit = audit;
  }

  /** The validated runbook, or a 400 listing every problem at its line and column. */
  public Runbook validate(String source) {
    var compiled = RunbookCompiler.compile(FILE, source, catalogs.catalogs());
    if (!compiled.ok()) {
      throw new BadRequestException(problems(compiled.problems()));
    }
    return compiled.runbook();
  }

  static List<FieldProblem> problems(List<Problem> problems) {
    return problems.stream()
        .map(p -> new FieldProblem("source" + p.path(), p.message(), p.line(), p.column()))
        .toList();
  }

  @Transactional
  public RunbookVersion create(String source, String reason, String by) {
    Runbook rb = validate(source);
    if (!runbooks.create(rb.name(), draft(rb, source, reason), by)) {
      throw new ConflictException(
          "source/name",
          "a runbook named "
              + rb.name()
              + " exists; PUT /api/v1/runbooks/"
              + rb.name()
              + " adds a version to it");
    }
    audit.record(
        by, "runbook.create", "runbook:" + rb.name(), Map.of("version", 1, "reason", reason));
    return runbooks.version(rb.name(), 1).orElseThrow();
  }

  @Transactional
  public RunbookVersion update(String name, String source, int basedOn, String reason, String by) {
    // The body first: bad input is a 400 naming its field, whichever runbook it was sent to.
    Runbook rb = validate(source);
    runbooks.latest(name).orElseThrow(() -> new NotFoundException("runbook", name));
    if (!rb.name().equals(name)) {
      throw new BadRequestException(
          "source/name", "is " + rb.name() + "; a new version keeps the runbook's name, " + name);
    }
    int version =
        runbooks
            .addVersion(name, basedOn, draft(rb, source, reason), by)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "basedOn",
                        "version "
                            + basedOn
                            + " is not the latest of "
                            + name
                            + " any more; reload it, merge your edit and save again"));
    audit.record(
        by, "runbook.update", "runbook:" + name, Map.of("version", version, "reason", reason));
    return runbooks.version(name, version).orElseThrow();
  }

  @Transactional
  public void archive(String name, String reason, String by) {
    if (!runbooks.archive(name, by)) {
      runbooks.latest(name).orElseThrow(() -> new NotFoundException("runbook", name));
      throw new ConflictException("name", "runbook " + name + " is archived already");
    }
    audit.record(by, "runbook.archive", "runbook:" + name, Map.of("reason", reason));
  }

  public RunbookVersion version(String name, Integer version) {
    return (version == null ? runbooks.latest(name) : runbooks.version(name, version))
        .orElseThrow(
            () -> new NotFoundException("runbook", version == null ? name : name + " v" + version));
  }

  /** The input a run of this version with these params would start with; 400 if they do not fit. */
  public RunbookInput input(RunbookVersion v, Map<String, Object> params) {
    OperationCatalog.Entry entry = RunbookOperations.entry(v);
    JsonNode p = JSON.valueToTree(params);
    List<FieldProblem> problems = ParamsValidator.validate(entry, p);
    if (!problems.isEmpty()) throw new BadRequestException(problems);
    return RunbookOperations.input(v.runbook(), v.version(), RunbookJson.read(v.definition()), p);
  }

  private static RunbookRepository.Draft draft(Runbook rb, String source, String reason) {
    return new RunbookRepository.Draft(rb.title(), source, RunbookJson.write(rb), reason);
  }
}
