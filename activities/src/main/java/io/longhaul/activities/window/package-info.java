/** The window gate's reads of windows, freezes and the run's scopes. */
package io.longhaul.activities.window;
