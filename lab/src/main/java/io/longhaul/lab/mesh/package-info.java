/** The simulated service-mesh control plane of an IDC, served over HTTPS by the lab's core. */
package io.longhaul.lab.mesh;
