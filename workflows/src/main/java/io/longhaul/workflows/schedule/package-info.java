/**
 * The scheduler workflow: one per schedule, timers and signals, continue-as-new after each fire.
 */
package io.longhaul.workflows.schedule;
