/**
 * Device access: capabilities workflows need, over SSH, SNMP and HTTP, in each vendor's dialect.
 */
package io.longhaul.drivers;
