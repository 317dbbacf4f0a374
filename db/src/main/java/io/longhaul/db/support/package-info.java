/** jOOQ plumbing shared by the repositories: type bindings and database-error translation. */
package io.longhaul.db.support;
