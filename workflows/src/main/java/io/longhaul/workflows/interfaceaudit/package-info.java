/** The interface description audit: one parallel read per switch of a site, then a report. */
package io.longhaul.workflows.interfaceaudit;
