/** What every operation's workflow offers operators: decisions, progress, leases, the ledger. */
package io.longhaul.contracts.control;
