/** The SNMP side of the lab: an agent per switch (IF-MIB, LLDP-MIB, Q-BRIDGE-MIB). */
package io.longhaul.lab.snmp;
