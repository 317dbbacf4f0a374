package io.longhaul.drivers.capability;

/**
 * One switch interface. {@code ifIndex} is 0 when read from the CLI (which does not show it).
 *
 * @param name the full interface name ({@code Ethernet1/1}, {@code Ethernet1})
 */
public record InterfaceStatus(
    String name, int ifIndex, boolean adminUp, boolean operUp, String description) {}
