-- Schema v8: one index fewer to write on every allocation and release.
--
-- ip_port_network (network_id, status) served no query: nothing filters ports by status, and the
-- look-ups by network (a network's ports, its usage) use unique (network_id, address), whose
-- leading column is the same.
drop index ip_port_network;
