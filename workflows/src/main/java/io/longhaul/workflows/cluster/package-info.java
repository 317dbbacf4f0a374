/** The cluster-probe operation: one cluster's version and health through the clusters queue. */
package io.longhaul.workflows.cluster;
