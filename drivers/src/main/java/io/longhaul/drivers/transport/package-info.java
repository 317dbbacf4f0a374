/** Transports hide the protocol (SSH, SNMP, HTTP); dialects compile against these APIs only. */
package io.longhaul.drivers.transport;
