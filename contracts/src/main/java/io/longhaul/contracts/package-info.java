/** What workflows, activities and the API agree on: interfaces, records, queue names. */
package io.longhaul.contracts;
