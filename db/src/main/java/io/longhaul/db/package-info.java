/** The data layer: Flyway migrations are the schema, jOOQ code is generated from them. */
package io.longhaul.db;
