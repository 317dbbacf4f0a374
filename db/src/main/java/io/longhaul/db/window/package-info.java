/** Maintenance windows, freezes, and the scopes each run's steps declared. */
package io.longhaul.db.window;
