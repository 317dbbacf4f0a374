/** Cluster APIs over HTTP: the JSON primitives and each kind's health probe. */
package io.longhaul.drivers.dialect.cluster;
