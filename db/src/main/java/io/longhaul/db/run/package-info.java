/** Run records and their step timeline; what the portal lists, who started what. */
package io.longhaul.db.run;
