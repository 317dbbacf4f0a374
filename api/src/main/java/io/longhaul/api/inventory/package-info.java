/** Inventory CRUD: sites, switches, hypervisors, host links, networks, credentials. */
package io.longhaul.api.inventory;
