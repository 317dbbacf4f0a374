package io.longhaul.contracts.spawn;

/** An instance as a teardown finds it. Null fields were never set (a spawn that stopped early). */
public record InstanceView(
    String name,
    String kind,
    String site,
    String state,
    String hypervisor,
    String portId,
    Integer vlan,
    Integer vni) {}
