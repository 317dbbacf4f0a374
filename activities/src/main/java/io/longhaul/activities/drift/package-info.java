/** The drift watch's check: a site's hypervisors read and compared with the inventory. */
package io.longhaul.activities.drift;
