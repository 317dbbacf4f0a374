/** Typed configuration and the role switches. */
package io.longhaul.server.config;
