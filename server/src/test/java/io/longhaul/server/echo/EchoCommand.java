package io.longhaul.server.echo;

/** One echo step's input; an operator may edit it on retry, and these checks then apply. */
public record EchoCommand(String target, String message) {
  public EchoCommand {
    if (target == null || target.isBlank()) {
      throw new IllegalArgumentException("target must not be blank");
    }
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank");
    }
  }
}
