package io.longhaul.workers;

import io.longhaul.activities.Failures;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;

/**
 * Maps a database error escaping any activity or local activity through {@link
 * Failures#fromDatabase}: without it Temporal sees a plain exception, which every retry policy
 * retries, so a statement the database refuses (a check constraint) was retried forever and the run
 * never parked. Here, so that no activity has to remember to catch it.
 */
final class DatabaseFailures extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public ActivityOutput execute(ActivityInput input) {
        try {
          return super.execute(input);
        } catch (ApplicationFailure e) {
          throw e;
        } catch (RuntimeException e) {
          throw Failures.fromDatabase(e).<RuntimeException>map(f -> f).orElse(e);
        }
      }
    };
  }
}
