/**
 * Schedules: a scheduler workflow per schedule, built on timers and signals, not Temporal's API.
 */
package io.longhaul.contracts.schedule;
