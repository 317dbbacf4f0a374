/** The simulated datacenter: devices speaking real SSH and SNMP on loopback, with faults. */
package io.longhaul.lab;
