package io.longhaul.db.instance;

/** One user (an instance) of an overlay binding on a leaf interface. */
public record OverlayUser(long switchId, String interfaceName, int vlan, int vni, String userKey) {}
