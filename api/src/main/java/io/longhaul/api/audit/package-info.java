/** Writing and reading the audit log. */
package io.longhaul.api.audit;
