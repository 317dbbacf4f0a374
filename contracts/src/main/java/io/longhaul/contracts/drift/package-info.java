/** The drift watch: each site's hypervisors compared with the inventory, on timers. */
package io.longhaul.contracts.drift;
