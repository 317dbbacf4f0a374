/**
 * The HTTP front of the lab's cluster devices: HTTPS on each device's loopback address, bearer
 * authentication, and the lab's faults, in front of a simulated system's {@link
 * io.longhaul.lab.http.HttpDevice}.
 */
package io.longhaul.lab.http;
