/** Instance spawn, teardown, bulk spawn and the per-leaf configuration workflow. */
package io.longhaul.workflows.spawn;
