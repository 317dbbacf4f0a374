/** The datacenter a lab simulates: sites, switches, hypervisors, cabling and networks. */
package io.longhaul.lab.topology;
