/** Prometheus's HTTP query API over the HTTP transport. */
package io.longhaul.drivers.dialect.prometheus;
