package io.longhaul.api.run;

import io.longhaul.api.error.BadRequestException;
import io.longhaul.api.security.CurrentUser;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.api.validation.Text;
import io.longhaul.contracts.control.OperatorControlled;
import io.longhaul.contracts.control.Progress;
import io.longhaul.contracts.vocabulary.RunStatus;
import io.longhaul.db.NotFoundException;
import io.longhaul.db.Page;
import io.longhaul.db.run.Run;
import io.longhaul.db.run.RunEventRepository;
import io.longhaul.db.run.RunFilter;
import io.longhaul.db.run.RunRepository;
import io.temporal.client.WorkflowClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/runs")
public class RunsController {
  private final RunService service;
  private final RunRepository runs;
  private final RunEventRepository events;

  private final WorkflowClient temporal;

  public RunsController(
      RunService service, RunRepository runs, RunEventRepository events, WorkflowClient temporal) {
    this.service = service;
    this.runs = runs;
    this.events = events;
    this.temporal = temporal;
  }

  public record RunPage(List<RunView> items, String next) {}

  public record CancelRequest(@Text(max = 2000) String reason) {}

  @PostMapping
  @RequiresRole(Role.OPERATOR)
  public ResponseEntity<RunView> start(
      @Valid @RequestBody StartRunRequest request, Authentication auth) {
    RunService.Started started = service.start(request, CurrentUser.name(auth));
    RunView view = RunView.of(started.run(), request.params(), null);
    return ResponseEntity.status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .header("Location", "/api/v1/runs/" + started.run().id())
        .body(view);
  }

  @GetMapping
  @RequiresRole(Role.VIEWER)
  public RunPage list(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String operation,
      @RequestParam(required = false) String site,
      @RequestParam(required = false) String requestedBy,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          OffsetDateTime to,
      @RequestParam(required = false) String rerunOf,
      @RequestParam(required = false) String cursor,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    RunStatus statusFilter;
    try {
      statusFilter = status == null ? null : RunStatus.of(status);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("status", "is not a run status");
    }
    Page<Run> page;
    try {
      page =
          runs.list(
              new RunFilter(statusFilter, operation, site, requestedBy, from, to, rerunOf),
              cursor,
              limit);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("cursor", e.getMessage());
    }
    return new RunPage(
        page.items().stream().map(r -> RunView.of(r, RunService.parse(r.params()), null)).toList(),
        page.next());
  }

  @GetMapping("/{id}")
  @RequiresRole(Role.VIEWER)
  public RunView get(@PathVariable String id) {
    Run run = runs.get(id);
    return RunView.of(run, RunService.parse(run.params()), events.list(id));
  }

  /**
   * Live progress from the workflow's query while the run is live (the mirror in the record is as
   * of the last step); the mirror when it has ended or the workflow does not answer quickly.
   */
  @GetMapping("/{id}/progress")
  @RequiresRole(Role.VIEWER)
  public Progress progress(@PathVariable String id) {
    Run run = runs.get(id);
    if (!run.status().ended()) {
      try {
        Progress live =
            CompletableFuture.supplyAsync(
                    () ->
                        temporal
                            .newUntypedWorkflowStub(id)
                            .query(OperatorControlled.PROGRESS, Progress.class))
                .get(3, TimeUnit.SECONDS);
        return live;
      } catch (ExecutionException | TimeoutException e) {
        // An operation without the query, or no worker right now: the mirror answers.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return run.progress() == null ? null : Timeline.progress(run.progress());
  }

  /**
   * The run in its operation's own terms (e.g. a mesh canary's cohorts, pods per revision and
   * analyses), from the workflow's {@code view} query; 404 for an operation without one, or when no
   * worker answers within a few seconds.
   */
  @GetMapping("/{id}/view")
  @RequiresRole(Role.VIEWER)
  public Object view(@PathVariable String id) {
    runs.get(id);
    try {
      return CompletableFuture.supplyAsync(
              () ->
                  temporal.newUntypedWorkflowStub(id).query(OperatorControlled.VIEW, Object.class))
          .get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new NotFoundException("view of run", id);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotFoundException("view of run", id);
    }
  }

  @PostMapping("/{id}/cancel")
  @RequiresRole(Role.OPERATOR)
  public ResponseEntity<Void> cancel(
      @PathVariable String id,
      @Valid @RequestBody(required = false) CancelRequest body,
      Authentication auth) {
    service.cancel(id, CurrentUser.name(auth), body == null ? null : body.reason());
    return ResponseEntity.accepted().build();
  }
}
