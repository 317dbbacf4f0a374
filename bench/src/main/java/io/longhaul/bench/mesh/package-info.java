/** B9: the mesh canary's decision latency and the cost of one analysis. */
package io.longhaul.bench.mesh;
