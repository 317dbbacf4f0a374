/** The worker runtime: which workflows and activities poll which task queues. */
package io.longhaul.workers;
