/** The REST API under /api/v1: security, application services and controllers. */
package io.longhaul.api;
