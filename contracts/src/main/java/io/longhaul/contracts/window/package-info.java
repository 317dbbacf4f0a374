/**
 * Maintenance windows and freezes as data, and the pure calendar math both API and workflows use.
 */
package io.longhaul.contracts.window;
