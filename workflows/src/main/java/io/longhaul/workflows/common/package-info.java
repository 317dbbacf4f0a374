/** Machinery every operation uses: activity profiles and the run journal. */
package io.longhaul.workflows.common;
