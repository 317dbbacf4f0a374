/** Integration tests: the real drivers against the lab's SSH and SNMP devices on loopback. */
package io.longhaul.drivers.lab;
