-- Schema v1: inventory, credentials, users, runs and their events, audit log.
-- Invariants live here as types and constraints; the application checks them too, for
-- friendlier errors, but the database has the last word.

create extension if not exists btree_gist;

create table site (
    id          bigint generated always as identity primary key,
    code        text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{0,31}$'),
    name        text not null check (length(name) between 1 and 200),
    time_zone   text not null default 'UTC',
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- Secrets are encrypted by the application (AES-GCM); key_id names the key that sealed them
-- so keys can rotate. The plaintext never reaches the database.
create table credential (
    id                 bigint generated always as identity primary key,
    name               text not null unique check (name ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    kind               text not null check (kind in ('ssh-password', 'ssh-key', 'snmp-v2c', 'snmp-v3', 'http-basic', 'http-token')),
    username           text check (username is null or username ~ '^[A-Za-z0-9._@-]{1,64}$'),
    secret_ciphertext  bytea not null,
    key_id             text not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

create table switch (
    id                  bigint generated always as identity primary key,
    site_id             bigint not null references site (id),
    name                text not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    role                text not null check (role in ('leaf', 'spine')),
    dialect             text not null check (dialect in ('nxos', 'eos')),
    leaf_pair           text check (leaf_pair is null or leaf_pair ~ '^[A-Za-z0-9._-]{1,63}$'),
    mgmt_address        inet not null,
    ssh_port            integer not null default 22 check (ssh_port between 1 and 65535),
    snmp_port           integer not null default 161 check (snmp_port between 1 and 65535),
    ssh_credential_id   bigint references credential (id),
    snmp_credential_id  bigint references credential (id),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    unique (mgmt_address, ssh_port),
    check (role = 'leaf' or leaf_pair is null)
);
create index switch_site on switch (site_id);

create table hypervisor (
    id                bigint generated always as identity primary key,
    site_id           bigint not null references site (id),
    name              text not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    address           inet not null,
    ssh_port          integer not null default 22 check (ssh_port between 1 and 65535),
    credential_id     bigint references credential (id),
    cpu_cores         integer not null check (cpu_cores > 0),
    memory_mb         bigint not null check (memory_mb > 0),
    -- Seed 000: memory over-committed ~1:1.2, CPU 1:2.
    cpu_overcommit    numeric(4, 2) not null default 2.0 check (cpu_overcommit >= 1),
    memory_overcommit numeric(4, 2) not null default 1.2 check (memory_overcommit >= 1),
    maintenance       boolean not null default false,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    unique (address, ssh_port)
);
create index hypervisor_site on hypervisor (site_id);

-- A hypervisor NIC cabled to a switch interface. A NIC has one peer, a switch port has one peer.
create table host_link (
    id             bigint generated always as identity primary key,
    hypervisor_id  bigint not null references hypervisor (id) on delete cascade,
    nic            text not null check (nic ~ '^[A-Za-z0-9._/-]{1,32}$'),
    switch_id      bigint not null references switch (id) on delete cascade,
    interface      text not null check (interface ~ '^[A-Za-z][A-Za-z0-9/.-]{0,63}$'),
    source         text not null check (source in ('declared', 'discovered')),
    last_seen_at   timestamptz,
    created_at     timestamptz not null default now(),
    unique (hypervisor_id, nic),
    unique (switch_id, interface)
);

create table network (
    id          bigint generated always as identity primary key,
    site_id     bigint not null references site (id),
    name        text not null check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    labels      text[] not null default '{}',
    cidr        cidr not null,
    gateway     inet not null,
    vlan        integer not null check (vlan between 1 and 4094),
    vni         integer check (vni between 1 and 16777215),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    unique (site_id, name),
    unique (site_id, vlan),
    unique (vni),
    check (gateway << cidr),
    -- Two networks of one site never overlap.
    exclude using gist (site_id with =, cidr inet_ops with &&)
);
create index network_labels on network using gin (labels);

create table app_user (
    id             bigint generated always as identity primary key,
    username       text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    password_hash  text not null,
    role           text not null check (role in ('viewer', 'operator', 'approver', 'admin')),
    enabled        boolean not null default true,
    created_at     timestamptz not null default now()
);

-- Bearer tokens for API clients; only a SHA-256 of the token is stored.
create table api_token (
    id            bigint generated always as identity primary key,
    user_id       bigint not null references app_user (id) on delete cascade,
    name          text not null check (length(name) between 1 and 100),
    token_sha256  text not null unique,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz,
    last_used_at  timestamptz
);

-- One row per operation run; id is the Temporal workflow id.
create table run (
    id               text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    operation        text not null,
    params           jsonb not null,
    site_code        text,
    requested_by     text not null,
    reason           text not null check (length(reason) between 1 and 2000),
    idempotency_key  text check (idempotency_key is null or length(idempotency_key) between 1 and 200),
    status           text not null check (status in ('pending', 'running', 'succeeded', 'failed', 'cancelled', 'terminated', 'timed_out')),
    rerun_of         text references run (id),
    error_type       text,
    error_message    text,
    created_at       timestamptz not null default now(),
    started_at       timestamptz,
    ended_at         timestamptz,
    updated_at       timestamptz not null default now(),
    unique (requested_by, idempotency_key),
    check ((status in ('pending', 'running')) = (ended_at is null))
);
-- Keyset pagination walks (created_at, id) newest first, optionally within one filter.
create index run_page on run (created_at desc, id desc);
create index run_page_status on run (status, created_at desc, id desc);
create index run_page_operation on run (operation, created_at desc, id desc);
create index run_page_site on run (site_code, created_at desc, id desc);
create index run_page_requester on run (requested_by, created_at desc, id desc);

-- The step timeline. seq is assigned by the workflow, so an event recorded twice (activity
-- retry) lands once.
create table run_event (
    run_id         text not null references run (id) on delete cascade,
    seq            integer not null check (seq >= 0),
    step           text not null,
    target         text,
    kind           text not null check (kind in ('started', 'succeeded', 'failed', 'retried', 'skipped', 'compensated')),
    attempt        integer not null default 1 check (attempt >= 1),
    error_type     text,
    error_message  text,
    detail         jsonb,
    occurred_at    timestamptz not null default now(),
    primary key (run_id, seq)
);

-- Append-only and hash-chained: each entry's hash covers its content and its predecessor's hash,
-- so an edited or deleted row breaks the chain from that point on.
create table audit_log (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    actor      text not null,
    action     text not null,
    target     text,
    detail     jsonb not null default '{}',
    prev_hash  text not null,
    hash       text not null unique
);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();

-- One definition of an entry's hash, used when appending and when verifying the chain.
create function audit_hash(prev text, at timestamptz, actor text, action text, target text, detail jsonb)
    returns text language sql immutable as $$
    select encode(sha256(convert_to(concat_ws('|', prev,
        to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), actor, action,
        coalesce(target, ''), detail::text), 'UTF8')), 'hex')
$$;
