/** Driver contract cases, run alike against the lab and against real components on loopback. */
package io.longhaul.drivers.contract;
