/** The actions a runbook may use: existing activity methods, with their types and undo. */
package io.longhaul.contracts.action;
