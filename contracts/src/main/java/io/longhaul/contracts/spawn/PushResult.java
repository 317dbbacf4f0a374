package io.longhaul.contracts.spawn;

/** Whether a push changed the switch, and how many configuration commands it sent. */
public record PushResult(String switchName, String changeId, boolean changed, int commands) {}
