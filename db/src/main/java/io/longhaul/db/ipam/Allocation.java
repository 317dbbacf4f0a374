package io.longhaul.db.ipam;

import io.longhaul.db.inventory.Network;

/** A port just allocated and its network, which a lease needs too; one statement returns both. */
public record Allocation(Port port, Network network) {}
