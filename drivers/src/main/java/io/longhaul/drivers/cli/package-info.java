/** Validation of every value that reaches a device command line. */
package io.longhaul.drivers.cli;
