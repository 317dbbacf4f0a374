/** The scheduler workflow's bookkeeping: its schedule, its previous run, its history. */
package io.longhaul.activities.schedule;
