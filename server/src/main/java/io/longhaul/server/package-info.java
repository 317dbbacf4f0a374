/** The one deployable: api and worker roles, embedded Temporal and lab for the default run. */
package io.longhaul.server;
