/** The drift watch: a site's periodic reconciliation of hypervisors against the inventory. */
package io.longhaul.workflows.drift;
