/** Runbooks through the API: versions, validation, dry runs, and each version as an operation. */
package io.longhaul.api.runbook;
