/** Serves the portal (ops-ui's built files) at /, with client-side routes answered by its page. */
package io.longhaul.server.portal;
