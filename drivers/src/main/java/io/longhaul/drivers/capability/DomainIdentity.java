package io.longhaul.drivers.capability;

import java.util.Optional;

/**
 * What a defined domain says about itself ({@code virsh dumpxml}): its UUID, virtualisation type
 * and Longhaul's ownership mark, empty for a domain Longhaul did not define.
 */
public record DomainIdentity(String name, String uuid, String type, Optional<DomainOwner> owner) {}
