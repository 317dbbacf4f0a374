-- Schema v18: the drift watch. An instance whose domain or OVS port no longer matches what its
-- spawn made is marked degraded (the domain is paused, shut off or its port is gone) or missing (the
-- host has no such domain), and back to active when it recovers; drift says what was seen.
-- Domains a hypervisor runs that no instance accounts for are listed, never touched.
alter table instance drop constraint instance_state_check;
alter table instance add constraint instance_state_check
    check (state in ('spawning', 'active', 'deleting', 'degraded', 'missing'));
alter table instance add column drift text check (char_length(drift) <= 500);
alter table instance add column drift_checked_at timestamptz;

create table unaccounted_domain (
    hypervisor_id  bigint not null references hypervisor (id) on delete cascade,
    name           text not null check (char_length(name) <= 128),
    state          text not null check (char_length(state) <= 32),
    -- the change named by the domain's Longhaul ownership mark; null for a domain defined elsewhere
    owner_change   text check (char_length(owner_change) <= 128),
    first_seen_at  timestamptz not null default now(),
    last_seen_at   timestamptz not null default now(),
    primary key (hypervisor_id, name)
);
