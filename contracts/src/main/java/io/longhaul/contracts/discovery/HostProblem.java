package io.longhaul.contracts.discovery;

/**
 * A cabling problem found by discovery. {@code problem} is one of {@link #SINGLE_HOMED} (every NIC
 * on one leaf), {@link #SPLIT_PAIR} (NICs on leaves of different pairs) or {@link #UNKNOWN_PEER} (a
 * leaf port sees a system the inventory does not know; {@code hypervisor} is then that system's
 * LLDP name) or {@link #DECLARED_DISAGREES} (LLDP does not confirm a link an operator declared; the
 * link is kept).
 */
public record HostProblem(String hypervisor, String problem, String detail) {
  public static final String SINGLE_HOMED = "single-homed";
  public static final String SPLIT_PAIR = "split-pair";
  public static final String UNKNOWN_PEER = "unknown-peer";
  public static final String DECLARED_DISAGREES = "declared-disagrees";
}
