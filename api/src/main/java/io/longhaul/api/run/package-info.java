/** Starting, listing, cancelling and reconciling runs. */
package io.longhaul.api.run;
