/** Users, roles and API tokens. */
package io.longhaul.db.security;
