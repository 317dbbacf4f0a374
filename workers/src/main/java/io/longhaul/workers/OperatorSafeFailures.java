package io.longhaul.workers;

import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an activity failure tells operators. Typed failures (drivers', via {@code
 * activities/Failures}) pass as they are; anything else — a database error with its SQL, a bug's
 * exception with its class name — is logged here in full and replaced by a message naming the
 * activity and an incident id to find the log line by. Temporal would otherwise put the exception's
 * class name and message into the run's history, and so in front of the operator.
 */
final class OperatorSafeFailures extends WorkerInterceptorBase {
  private static final Logger log = LoggerFactory.getLogger(OperatorSafeFailures.class);

  /** The failure type of an unexpected error; retried like any unknown failure. */
  static final String INTERNAL_ERROR = "InternalError";

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String activity = "activity";

      @Override
      public void init(io.temporal.activity.ActivityExecutionContext context) {
        activity = context.getInfo().getActivityType();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (TemporalFailure | io.temporal.client.ActivityCompletionException e) {
          throw e;
        } catch (RuntimeException e) {
          String incident = UUID.randomUUID().toString().substring(0, 8);
          log.error("activity {} failed (incident {})", activity, incident, e);
          throw ApplicationFailure.newFailure(
              activity
                  + " failed unexpectedly (incident "
                  + incident
                  + "; the worker's log has the details)",
              INTERNAL_ERROR);
        }
      }
    };
  }
}
