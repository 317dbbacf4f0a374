/** Vendor dialects: pure parsers and capability implementations over the transport APIs. */
package io.longhaul.drivers.dialect;
