/** Activities of instance spawn and teardown: IPAM, placement, hypervisors, leaves. */
package io.longhaul.activities.spawn;
