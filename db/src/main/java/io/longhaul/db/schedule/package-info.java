/** Schedules that start runs on a recurrence or at each opening of a window, and what they did. */
package io.longhaul.db.schedule;
