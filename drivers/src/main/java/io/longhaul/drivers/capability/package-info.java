/** What workflows need from devices, independent of vendor and protocol. */
package io.longhaul.drivers.capability;
