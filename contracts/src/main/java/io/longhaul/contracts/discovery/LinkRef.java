package io.longhaul.contracts.discovery;

/** A hypervisor NIC and the switch interface it is cabled to, by inventory names. */
public record LinkRef(String hypervisor, String nic, String switchName, String interfaceName) {}
