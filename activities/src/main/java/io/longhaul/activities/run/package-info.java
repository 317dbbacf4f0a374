/** Recording run status and step events. */
package io.longhaul.activities.run;
