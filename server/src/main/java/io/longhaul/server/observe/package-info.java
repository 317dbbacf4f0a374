/** What operators scrape and probe: metrics beyond the workers' own, health for readiness. */
package io.longhaul.server.observe;
