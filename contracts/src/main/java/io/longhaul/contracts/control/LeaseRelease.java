package io.longhaul.contracts.control;

import java.util.List;

/** A run giving its leases back; the answer names the runs now first in line, to wake them. */
public record LeaseRelease(String runId, List<String> names) {}
