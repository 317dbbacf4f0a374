-- Schema v9: clusters, the systems reached over HTTP (HDFS NameNodes, mesh control planes,
-- desktop brokers, Kubernetes API servers). Like switches and hypervisors they belong to a site
-- and name their credential by reference.

create table cluster (
    id             bigint generated always as identity primary key,
    site_id        bigint not null references site (id),
    name           text not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    kind           text not null check (kind in ('hdfs', 'mesh', 'vdi', 'k8s')),
    -- The API's root: http or https, a host, an optional port and path; never user info (a
    -- credential belongs in credential_id), a query or a fragment.
    base_url       text not null check (
        length(base_url) <= 2048
        and base_url ~ '^https?://([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?(/[A-Za-z0-9._~/-]*)?$'),
    credential_id  bigint references credential (id),
    -- PEM certificates the server's certificate must chain to (public, so stored as text);
    -- null means the worker's default trust store. Only meaningful for https.
    trust_pem      text check (
        trust_pem is null
        or (length(trust_pem) <= 65536 and trust_pem like '%-----BEGIN CERTIFICATE-----%')),
    labels         text[] not null default '{}',
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    unique (base_url),
    check (trust_pem is null or base_url like 'https://%')
);
create index cluster_site on cluster (site_id);
create index cluster_labels on cluster using gin (labels);
