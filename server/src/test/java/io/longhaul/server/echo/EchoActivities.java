package io.longhaul.server.echo;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface EchoActivities {
  String echo(String message);

  /** A "device command" on one target; the test lab counts them. */
  String apply(EchoCommand command);

  /** Undoes {@link #apply} on a target: the compensation. */
  void undo(String target);
}
