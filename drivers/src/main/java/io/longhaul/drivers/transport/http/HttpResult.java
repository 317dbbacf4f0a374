package io.longhaul.drivers.transport.http;

/** A 2xx response: status, content type (empty when absent) and body (UTF-8 text). */
public record HttpResult(int status, String contentType, String body) {}
