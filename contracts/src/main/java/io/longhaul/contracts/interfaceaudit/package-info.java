/** The interface description audit: a read-only operation over a site's switches. */
package io.longhaul.contracts.interfaceaudit;
