package io.longhaul.workers;

import io.longhaul.contracts.TaskQueues;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Puts the run's words into the log context of every activity: {@code run} (the workflow id is the
 * run id), {@code operation} (the workflow type in the catalog's spelling), {@code step} (the
 * activity type) and {@code site} (a site queue's). With structured logging on
 * (LOGGING_STRUCTURED_FORMAT_CONSOLE=logstash or ecs) each becomes a field of every line a device
 * call logs, so one run's lines are found by its id. Temporal's own WorkflowId, ActivityType and
 * TaskQueue keys stay beside them. Each activity logs its end (debug) or its typed failure (warn)
 * here, so a run's device calls are in the log whatever the driver logs.
 */
final class RunLogContext extends WorkerInterceptorBase {
  private static final Logger log = LoggerFactory.getLogger(RunLogContext.class);

  static final String RUN = "run";
  static final String OPERATION = "operation";
  static final String STEP = "step";
  static final String SITE = "site";

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityInfo info;

      @Override
      public void init(ActivityExecutionContext context) {
        info = context.getInfo();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        MDC.put(RUN, info.getWorkflowId());
        MDC.put(OPERATION, operation(info.getWorkflowType()));
        MDC.put(STEP, info.getActivityType());
        String site = TaskQueues.siteOf(info.getActivityTaskQueue());
        if (site != null) {
          MDC.put(SITE, site);
        }
        long start = System.nanoTime();
        try {
          ActivityOutput out = super.execute(input);
          log.debug("{} done in {} ms", info.getActivityType(), millisSince(start));
          return out;
        } catch (ApplicationFailure e) {
          // Typed failures say what failed where; their messages are the operator's, never secrets.
          log.warn(
              "{} failed after {} ms: {} {}",
              info.getActivityType(),
              millisSince(start),
              e.getType(),
              e.getOriginalMessage());
          throw e;
        } finally {
          MDC.remove(RUN);
          MDC.remove(OPERATION);
          MDC.remove(STEP);
          MDC.remove(SITE);
        }
      }
    };
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** InstanceSpawnBulkWorkflow → instance-spawn-bulk, the operation's name in the catalog. */
  static String operation(String workflowType) {
    if (workflowType == null) {
      return "unknown";
    }
    return workflowType
        .replaceFirst("Workflow$", "")
        .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
        .toLowerCase(Locale.ROOT);
  }
}
