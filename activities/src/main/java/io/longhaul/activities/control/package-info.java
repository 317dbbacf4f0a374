/** Bookkeeping for operator control: step ledger, run mirror, leases. */
package io.longhaul.activities.control;
