/** Who holds which named target, and who waits for it. */
package io.longhaul.api.lease;
