/** The SSH side of the lab: one MINA SSHD server bound to every device's address. */
package io.longhaul.lab.ssh;
