/** Standard MIBs (IF-MIB, LLDP-MIB, Q-BRIDGE-MIB) read over SNMP; vendor-neutral. */
package io.longhaul.drivers.dialect.mib;
