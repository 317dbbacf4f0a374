/** Topology discovery's activities: LLDP reads over SNMP and host-link reconciliation. */
package io.longhaul.activities.discovery;
