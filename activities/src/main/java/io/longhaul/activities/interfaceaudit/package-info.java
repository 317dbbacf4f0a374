/** The interface description audit's activities: the inventory's switches and their interfaces. */
package io.longhaul.activities.interfaceaudit;
