/** Simulated device state and the command languages the devices speak (NX-OS, EOS, KVM host). */
package io.longhaul.lab.device;
