package io.longhaul.api.runbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.security.CurrentUser;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.contracts.action.Actions;
import io.longhaul.db.runbook.RunbookRepository;
import io.longhaul.db.runbook.RunbookSummary;
import io.longhaul.dsl.RunbookJson;
import io.longhaul.dsl.check.StructureCheck;
import io.longhaul.dsl.model.Runbook;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/runbooks}: runbooks with their versions, validation without saving, the diff of
 * two versions, dry runs, the actions registry and the language's schema. A version is started like
 * any operation, {@code POST /api/v1/runs} with operation {@code runbook.<name>.v<version>}.
 */
@RestController
@Validated
@RequestMapping("/api/v1/runbooks")
public class RunbooksController {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Names the paths below take: no runbook may be called so. */
  static final List<String> RESERVED = List.of("actions", "schema", "validate");

  private final RunbookService service;
  private final RunbookRepository runbooks;
  private final DryRuns dryRuns;

  public RunbooksController(RunbookService service, RunbookRepository runbooks, DryRuns dryRuns) {
    this.service = service;
    this.runbooks = runbooks;
    this.dryRuns = dryRuns;
  }

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public List<RunbookSummary> list() {
    return runbooks.list();
  }

  @GetMapping("/actions")
  @RequiresRole(Role.VIEWER)
  public List<RunbookViews.Action> actions() {
    return Actions.all().stream().map(RunbookViews::of).toList();
  }

  @SuppressWarnings("unchecked")
  @GetMapping("/schema")
  @RequiresRole(Role.VIEWER)
  public Map<String, Object> schema() {
    return JSON.convertValue(StructureCheck.schema(), Map.class);
  }

  /**
   * Checks without saving: 200 with the definition, or 400 with every problem's line and column.
   */
  @SuppressWarnings("unchecked")
  @PostMapping("/validate")
  @RequiresRole(Role.OPERATOR)
  public RunbookViews.Valid validate(@Valid @RequestBody RunbookRequests.Validate body) {
    Runbook rb = checked(body.source());
    return new RunbookViews.Valid(
        true, rb.name(), rb.title(), RunbookViews.asMap(RunbookJson.write(rb)));
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @RequiresRole(Role.OPERATOR)
  public RunbookViews.Version create(
      @Valid @RequestBody RunbookRequests.Create body, Authentication auth) {
    checked(body.source());
    return RunbookViews.of(service.create(body.source(), body.reason(), CurrentUser.name(auth)));
  }

  @GetMapping("/{name}")
  @RequiresRole(Role.VIEWER)
  public RunbookViews.Version get(@PathVariable String name) {
    return RunbookViews.of(service.version(name, null));
  }

  @PutMapping("/{name}")
  @RequiresRole(Role.OPERATOR)
  public RunbookViews.Version update(
      @PathVariable String name,
      @Valid @RequestBody RunbookRequests.Update body,
      Authentication auth) {
    return RunbookViews.of(
        service.update(name, body.source(), body.basedOn(), body.reason(), CurrentUser.name(auth)));
  }

  @PostMapping("/{name}/archive")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @RequiresRole(Role.OPERATOR)
  public void archive(
      @PathVariable String name,
      @Valid @RequestBody RunbookRequests.Archive body,
      Authentication auth) {
    service.archive(name, body.reason(), CurrentUser.name(auth));
  }

  @GetMapping("/{name}/versions")
  @RequiresRole(Role.VIEWER)
  public List<RunbookViews.VersionSummary> versions(@PathVariable String name) {
    service.version(name, null);
    return runbooks.versions(name).stream().map(RunbookViews::summary).toList();
  }

  @GetMapping("/{name}/versions/{version}")
  @RequiresRole(Role.VIEWER)
  public RunbookViews.Version version(
      @PathVariable String name, @PathVariable @Min(1) int version) {
    return RunbookViews.of(service.version(name, version));
  }

  @GetMapping("/{name}/diff")
  @RequiresRole(Role.VIEWER)
  public RunbookViews.Diff diff(
      @PathVariable String name, @RequestParam @Min(1) int from, @RequestParam @Min(1) int to) {
    return new RunbookViews.Diff(
        from,
        to,
        LineDiff.of(service.version(name, from).source(), service.version(name, to).source()));
  }

  @PostMapping("/{name}/dry-run")
  @RequiresRole(Role.OPERATOR)
  public DryRuns.Plan dryRun(
      @PathVariable String name, @Valid @RequestBody RunbookRequests.DryRun body) {
    var v = service.version(name, body.version());
    return dryRuns.plan(service.input(v, body.params()));
  }

  private Runbook checked(String source) {
    Runbook rb = service.validate(source);
    if (RESERVED.contains(rb.name())) {
      throw new BadRequestException(
          "source/name", "`" + rb.name() + "` is reserved; choose another name");
    }
    return rb;
  }
}
