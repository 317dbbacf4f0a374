/** The step ledger (completed steps by idempotency key) and leases on named targets. */
package io.longhaul.db.control;
