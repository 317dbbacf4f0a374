/** Cisco NX-OS: prompt-driven CLI with checkpoint and rollback. */
package io.longhaul.drivers.dialect.nxos;
