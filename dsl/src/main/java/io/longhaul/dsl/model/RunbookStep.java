package io.longhaul.dsl.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One step of a runbook: one record per kind, never a bean with every field of every kind. The
 * {@code kind} property names the record in the JSON a run pins.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ActionStep.class, name = "action"),
  @JsonSubTypes.Type(value = ParallelStep.class, name = "parallel"),
  @JsonSubTypes.Type(value = ForeachStep.class, name = "foreach"),
  @JsonSubTypes.Type(value = IfStep.class, name = "if"),
  @JsonSubTypes.Type(value = WaitUntilStep.class, name = "wait-until"),
  @JsonSubTypes.Type(value = ApprovalStep.class, name = "approval"),
  @JsonSubTypes.Type(value = WindowStep.class, name = "window"),
  @JsonSubTypes.Type(value = RunbookCallStep.class, name = "runbook"),
  @JsonSubTypes.Type(value = FailStep.class, name = "fail")
})
public sealed interface RunbookStep
    permits ActionStep,
        ParallelStep,
        ForeachStep,
        IfStep,
        WaitUntilStep,
        ApprovalStep,
        WindowStep,
        RunbookCallStep,
        FailStep {

  /** The kinds, as the YAML names them (the key that makes a step one kind). */
  List<String> KINDS =
      List.of(
          "action",
          "parallel",
          "foreach",
          "if",
          "wait-until",
          "approval",
          "window",
          "runbook",
          "fail");

  String id();

  StepOptions options();

  /** The steps this one contains (a block's), in order; none for a leaf step. */
  default List<RunbookStep> children() {
    return List.of();
  }
}
