/** What happens before and at startup: database creation, credential key, the banner. */
package io.longhaul.server.bootstrap;
