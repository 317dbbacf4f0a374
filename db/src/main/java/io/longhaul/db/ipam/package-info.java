/** IPAM: ports, their addresses and MACs, allocated from each network's free list. */
package io.longhaul.db.ipam;
