/** The runbook interpreter: one workflow that runs any validated runbook through the journal. */
package io.longhaul.workflows.runbook;
