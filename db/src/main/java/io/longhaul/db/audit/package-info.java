/** The append-only, hash-chained audit log. */
package io.longhaul.db.audit;
