package io.longhaul.contracts.discovery;

/** Read one switch's LLDP neighbours; {@code changeId} is the run's id, for the device's logs. */
public record LldpRequest(String changeId, String switchName) {}
