/** Topology discovery: LLDP reads per leaf, host-link reconciliation, the drift report. */
package io.longhaul.contracts.discovery;
