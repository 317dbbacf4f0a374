package io.longhaul.contracts.control;

import java.util.List;

/** Whether a lease request was granted; if not, who holds what it asked for. */
public record LeaseGrant(boolean granted, List<String> heldBy) {}
