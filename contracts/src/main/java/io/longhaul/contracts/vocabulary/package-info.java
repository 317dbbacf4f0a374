/**
 * The run vocabulary, defined once: run statuses, step-event kinds, decision kinds, operator
 * actions and the site-code format. The database's check constraints and the portal's generated
 * types are checked against these enums.
 */
package io.longhaul.contracts.vocabulary;
