-- Schema v10 (issue 14): requesters that cannot be laundered, credentials bound to where they may
-- go, and an audit chain that does not trust the database.

-- requested_by is the person accountable for a run: the schedule's owner when a schedule started
-- it (via_schedule names the schedule), the original requester on a re-run (rerun_by names who
-- re-ran it). Separation of duties refuses a decision by any of them on any run of the change.
alter table run
    add column via_schedule text,
    add column rerun_by     text check (rerun_by is null or rerun_by ~ '^[a-z0-9][a-z0-9._-]{0,63}$');

-- The networks a site's devices are managed on (admin-managed). A device address outside them is
-- refused; an empty list admits no device address at all.
alter table site
    add column mgmt_networks cidr[] not null default '{}';

-- Where a credential may be sent (admin-managed): one site (null: any), device kinds (empty: any)
-- and address ranges (empty: anywhere inside the device's site's management networks).
alter table credential
    add column scope_site_id bigint references site (id),
    add column scope_kinds   text[] not null default '{}'
        check (scope_kinds <@ array['switch', 'hypervisor']::text[]),
    add column scope_cidrs   cidr[] not null default '{}';

-- The chain's hashes are now HMACs computed by the application with a key PostgreSQL never sees
-- (AuditLogRepository); audit_hash() stays only to verify rows written before this version.
-- TRUNCATE fires no row trigger: refuse it with a statement trigger. A superuser can still disable
-- triggers; the signed checkpoint kept outside the database catches what it then removes.
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
