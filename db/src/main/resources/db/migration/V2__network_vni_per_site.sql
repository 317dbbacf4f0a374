-- A VNI names a segment within one site's EVPN fabric, as VLANs do: each site has its own spines,
-- so two sites may reuse a VNI (the lab's demo gives sha-prod and sin-prod both 10100).
alter table network drop constraint network_vni_key;
alter table network add constraint network_site_vni_key unique (site_id, vni);
