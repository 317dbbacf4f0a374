/**
 * Sites, switches, hypervisors, their links and networks: what Longhaul knows of the datacenter.
 */
package io.longhaul.db.inventory;
