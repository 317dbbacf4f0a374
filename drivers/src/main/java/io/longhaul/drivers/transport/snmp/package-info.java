/** SNMP transport: GET and GETBULK table walks over one shared SNMP4J session, v2c and v3. */
package io.longhaul.drivers.transport.snmp;
