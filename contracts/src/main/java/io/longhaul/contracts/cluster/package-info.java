/** Clusters reached over HTTP: their activities (on the clusters queue) and the probe operation. */
package io.longhaul.contracts.cluster;
