/**
 * Authentication (session, Basic, bearer tokens) and role-based authorisation of every endpoint.
 */
package io.longhaul.api.security;
