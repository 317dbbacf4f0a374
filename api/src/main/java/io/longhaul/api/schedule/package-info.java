/** Schedules: CRUD, pause, resume, trigger-now, next fire times, and their scheduler workflows. */
package io.longhaul.api.schedule;
