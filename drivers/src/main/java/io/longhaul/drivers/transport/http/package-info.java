/**
 * HTTP transport for cluster APIs: HttpClient 5 pooled per trust store, TLS checked against each
 * cluster's own certificates, an authorization header from a credential, typed failures.
 */
package io.longhaul.drivers.transport.http;
