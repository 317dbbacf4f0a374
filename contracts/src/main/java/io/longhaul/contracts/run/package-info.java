/** How workflows report their status and step timeline to the run records. */
package io.longhaul.contracts.run;
