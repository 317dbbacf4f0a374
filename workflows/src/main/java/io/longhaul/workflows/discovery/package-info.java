/** Topology discovery: parallel LLDP reads per leaf, then one reconciliation of host links. */
package io.longhaul.workflows.discovery;
