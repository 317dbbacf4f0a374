/** The Temporal connection: an embedded test server on loopback, or an external cluster. */
package io.longhaul.server.temporal;
