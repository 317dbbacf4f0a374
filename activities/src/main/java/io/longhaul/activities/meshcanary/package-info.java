/** The mesh canary's activities: Kubernetes through fabric8, Prometheus, and the analysis. */
package io.longhaul.activities.meshcanary;
