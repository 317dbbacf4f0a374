/**
 * Fault injection: latency, drops, refusals, hangs, garbage, failing commands, downs, link flaps.
 */
package io.longhaul.lab.fault;
