/** HTTP transport for cluster APIs: pooled HttpClient 5, JSON bodies as strings, typed failures. */
package io.longhaul.drivers.transport.http;
