/** Maintenance windows and freezes: CRUD, "freeze now", what is open, and reaching live runs. */
package io.longhaul.api.window;
