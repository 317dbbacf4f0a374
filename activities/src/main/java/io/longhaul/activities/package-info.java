/** Activity implementations: thin joins of drivers and the database. */
package io.longhaul.activities;
