package io.longhaul.server.echo;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface EchoActivities {
  String echo(String message);
}
