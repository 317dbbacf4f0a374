package io.longhaul.api.run;

import io.longhaul.api.security.CurrentUser;
import io.longhaul.api.security.RequiresRole;
import io.longhaul.api.security.Role;
import io.longhaul.contracts.vocabulary.OperatorAction;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators' actions on runs: decisions on parked steps, approvals, re-runs. */
@RestController
@RequestMapping("/api/v1/runs")
public class RunControlController {
  private final RunControlService control;
  private final RunService service;
  private final BulkReruns bulk;

  public RunControlController(RunControlService control, RunService service, BulkReruns bulk) {
    this.control = control;
    this.service = service;
    this.bulk = bulk;
  }

  public record Accepted(String action, String runId) {}

  @PostMapping("/{id}/retry-step")
  @RequiresRole(Role.OPERATOR)
  public ResponseEntity<Accepted> retry(
      @PathVariable String id, @Valid @RequestBody StepDecisionRequest body, Authentication auth) {
    return decide(id, OperatorAction.RETRY, body, auth);
  }

  @PostMapping("/{id}/skip-step")
  @RequiresRole(Role.OPERATOR)
  public ResponseEntity<Accepted> skip(
      @PathVariable String id, @Valid @RequestBody StepDecisionRequest body, Authentication auth) {
    return decide(id, OperatorAction.SKIP, body, auth);
  }

  @PostMapping("/{id}/abort")
  @RequiresRole(Role.OPERATOR)
  public ResponseEntity<Accepted> abort(
      @PathVariable String id, @Valid @RequestBody StepDecisionRequest body, Authentication auth) {
    return decide(id, OperatorAction.ABORT, body, auth);
  }

  @PostMapping("/{id}/approve")
  @RequiresRole(Role.APPROVER)
  public ResponseEntity<Accepted> approve(
      @PathVariable String id, @Valid @RequestBody StepDecisionRequest body, Authentication auth) {
    return decide(id, OperatorAction.APPROVE, body, auth);
  }

  @PostMapping("/{id}/reject")
  @RequiresRole(Role.APPROVER)
  public ResponseEntity<Accepted> reject(
      @PathVariable String id, @Valid @RequestBody StepDecisionRequest body, Authentication auth) {
    return decide(id, OperatorAction.REJECT, body, auth);
  }

  @PostMapping("/{id}/re-run")
  @RequiresRole(Role.OPERATOR)
  public ResponseEntity<RunView> rerun(
      @PathVariable String id, @Valid @RequestBody RerunRequest body, Authentication auth) {
    RunService.Started started = service.rerun(id, body, CurrentUser.name(auth), null);
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .header("Location", "/api/v1/runs/" + started.run().id())
        .body(RunView.of(started.run(), RunService.parse(started.run().params()), null));
  }

  @PostMapping("/re-run")
  @RequiresRole(Role.OPERATOR)
  public ResponseEntity<BulkReruns.Batch> bulkRerun(
      @Valid @RequestBody BulkRerunRequest body, Authentication auth) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(bulk.submit(body, CurrentUser.name(auth)));
  }

  private ResponseEntity<Accepted> decide(
      String id, OperatorAction action, StepDecisionRequest body, Authentication auth) {
    var actor = new RunControlService.Actor(CurrentUser.name(auth), CurrentUser.role(auth));
    control.decide(id, action, body, actor);
    return ResponseEntity.accepted().body(new Accepted(action.value(), id));
  }
}
