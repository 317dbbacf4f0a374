/** The operation catalog and validation of operation params against their JSON Schemas. */
package io.longhaul.api.operation;
