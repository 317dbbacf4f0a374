package io.longhaul.workflows.common;

import io.temporal.failure.ApplicationFailure;

/**
 * How a failure is named on the timeline and in the run record: its typed cause, not its wrapper.
 */
final class FailureText {
  private FailureText() {}

  /** The failure's type: the innermost ApplicationFailure's, else the exception's class name. */
  static String typeOf(Throwable error) {
    ApplicationFailure app = applicationCause(error);
    return app != null ? app.getType() : error.getClass().getSimpleName();
  }

  static String messageOf(Throwable error) {
    ApplicationFailure app = applicationCause(error);
    return app != null ? app.getOriginalMessage() : error.getMessage();
  }

  private static ApplicationFailure applicationCause(Throwable error) {
    Throwable t = error;
    while (t != null) {
      if (t instanceof ApplicationFailure app) {
        return app;
      }
      t = t.getCause();
    }
    return null;
  }
}
