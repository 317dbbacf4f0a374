package io.longhaul.drivers.transport.http;

/** A 2xx response: status and body (JSON as text). */
public record HttpResult(int status, String body) {}
