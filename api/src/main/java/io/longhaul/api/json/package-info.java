/** How the API reads JSON: strictly, so that what it accepts is exactly what its schema says. */
package io.longhaul.api.json;
