package io.longhaul.contracts.window;

/**
 * What a waiting run waits for, as its progress shows it: "window nightly" or "freeze x", and when
 * it opens ({@code opensAtMillis} null: not known, e.g. a freeze until lifted).
 */
public record WindowWait(String step, String waitingFor, Long opensAtMillis, String reason) {}
