-- Schema v19: a Prometheus is a cluster too (the mesh canary's metrics), reached over HTTP with
-- the same URL, trust and credential rules as the other kinds.
alter table cluster drop constraint cluster_kind_check;
alter table cluster add constraint cluster_kind_check
    check (kind in ('hdfs', 'mesh', 'vdi', 'k8s', 'prometheus'));
