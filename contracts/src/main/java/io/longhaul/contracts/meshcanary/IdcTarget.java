package io.longhaul.contracts.meshcanary;

/**
 * One IDC to upgrade (its site code) and the other IDC of its disaster-recovery pair, if any: the
 * run holds both IDCs' leases while it changes this one, so never both of a pair change at once.
 */
public record IdcTarget(String idc, String drPartner) {}
