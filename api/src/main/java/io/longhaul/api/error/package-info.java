/** Errors as application/problem+json naming the offending field. */
package io.longhaul.api.error;
