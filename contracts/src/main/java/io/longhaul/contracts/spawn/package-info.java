/** Instance spawn and teardown: IPAM, placement, hypervisor, OVS and per-leaf overlay binding. */
package io.longhaul.contracts.spawn;
