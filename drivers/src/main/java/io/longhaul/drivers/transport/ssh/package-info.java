/** SSH transport: exec commands and prompt-driven CLI sessions over JSch with known hosts. */
package io.longhaul.drivers.transport.ssh;
