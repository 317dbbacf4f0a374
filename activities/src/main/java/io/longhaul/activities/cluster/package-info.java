/** Cluster activities: calls to cluster APIs over HTTP, on the clusters queue. */
package io.longhaul.activities.cluster;
