/** Runbooks and their versions. */
package io.longhaul.db.runbook;
