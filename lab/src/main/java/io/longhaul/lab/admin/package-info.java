/** The lab's admin HTTP API (JDK HttpServer, JSON, bearer token). */
package io.longhaul.lab.admin;
