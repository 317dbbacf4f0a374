/** The lab in the default run: starts the simulated datacenter and loads it into the inventory. */
package io.longhaul.server.lab;
