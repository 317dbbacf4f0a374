/** Kubernetes clusters through fabric8's client, as the mesh canary's capability. */
package io.longhaul.drivers.dialect.kubernetes;
