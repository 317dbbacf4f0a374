package io.longhaul.server.echo;

/** Input of the test-only echo operation. */
public record EchoInput(
    String message, Integer steps, String site, Boolean waitForSignal, String failWith) {}
