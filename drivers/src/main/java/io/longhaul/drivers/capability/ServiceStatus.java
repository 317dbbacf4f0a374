package io.longhaul.drivers.capability;

/** Whether a systemd unit is active, with systemctl's own words. */
public record ServiceStatus(String service, boolean active, String detail) {}
