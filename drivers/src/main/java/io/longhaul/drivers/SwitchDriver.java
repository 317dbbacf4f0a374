package io.longhaul.drivers;

import io.longhaul.drivers.capability.LldpNeighbors;
import io.longhaul.drivers.capability.OverlayBinding;
import io.longhaul.drivers.capability.SwitchInterfaces;
import io.longhaul.drivers.capability.VlanBindings;
import io.longhaul.drivers.capability.VlanPorts;

/**
 * The capabilities of one switch, bound to its address and credentials.
 *
 * @param interfaces via SNMP (IF-MIB), or the CLI when no SNMP credentials were given
 * @param lldp via SNMP (LLDP-MIB), or the CLI when no SNMP credentials were given
 * @param vlanPorts via SNMP (Q-BRIDGE-MIB); null without SNMP credentials
 * @param vlans VLANs, VNIs and trunks from the running configuration (CLI)
 * @param overlay transactional apply/remove of VLAN/VNI/trunk bindings (CLI)
 * @param cliInterfaces and {@code cliLldp}: the same reads over the CLI, for cross-checks
 */
public record SwitchDriver(
    SwitchTarget target,
    SwitchInterfaces interfaces,
    LldpNeighbors lldp,
    VlanPorts vlanPorts,
    VlanBindings vlans,
    OverlayBinding overlay,
    SwitchInterfaces cliInterfaces,
    LldpNeighbors cliLldp) {}
