/** The mesh control-plane canary: its workflow, the mesh activities it drives and its records. */
package io.longhaul.contracts.meshcanary;
