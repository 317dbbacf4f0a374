package io.longhaul.workflows.runbook;

import io.longhaul.contracts.TaskQueues;
import io.longhaul.contracts.action.ActionContract;
import io.longhaul.contracts.action.Actions;
import io.longhaul.workflows.common.ActivityProfiles;
import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Map;

/**
 * Calls an action's activity by its type on the queue it runs on, with its retry profile (or the
 * step's), the step's timeout if it has one. The input travels as a map; the activity's worker
 * reads it into the method's record, so its own checks apply as for any caller.
 */
final class ActionCalls {
  private ActionCalls() {}

  static ActionContract contract(String name) {
    return Actions.find(name)
        .orElseThrow(() -> new IllegalStateException("the registry has no action " + name));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> call(
      ActionContract a, Map<String, Object> input, String site, String profile, String timeout) {
    ActivityOptions options = options(profile != null ? profile : a.profile(), queue(a, site));
    if (timeout != null) {
      options =
          ActivityOptions.newBuilder(options)
              .setStartToCloseTimeout(Duration.parse(timeout))
              .build();
    }
    Object result =
        Workflow.newUntypedActivityStub(options).execute(a.activityType(), Object.class, input);
    return result instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static String queue(ActionContract a, String site) {
    return switch (a.queue()) {
      case WORKFLOWS -> TaskQueues.WORKFLOWS;
      case CLUSTERS -> TaskQueues.CLUSTERS;
      case SITE -> {
        if (site == null) {
          throw new IllegalArgumentException(
              "action " + a.name() + " reaches a site's devices, and the run names no site");
        }
        yield TaskQueues.site(site);
      }
      case IN_TASK -> throw new IllegalStateException(a.name() + " runs in the workflow task");
    };
  }

  static ActivityOptions options(String profile, String queue) {
    return switch (profile) {
      case "shortCall" -> ActivityProfiles.shortCall(queue);
      case "deviceChange" -> ActivityProfiles.deviceChange(queue);
      case "hostChange" -> ActivityProfiles.hostChange(queue);
      case "awaitReply" -> ActivityProfiles.awaitReply(queue);
      case "longRunning" -> ActivityProfiles.longRunning(queue);
      default -> throw new IllegalArgumentException("no activity profile named " + profile);
    };
  }
}
