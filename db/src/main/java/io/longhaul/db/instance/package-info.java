/** Instances, the host capacity they reserve, and the users of each overlay binding. */
package io.longhaul.db.instance;
