package io.longhaul.lab.topology;

/** A hypervisor NIC ({@code eth0}, {@code eth1}) and the switch interface it is cabled to. */
public record NicSpec(String nic, String switchName, String interfaceName) {}
