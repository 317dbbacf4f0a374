-- Schema v3: operator control of runs. A run can park (needs attention, awaiting approval, waiting
-- for a lease) and be aborted; its pending decisions and progress are mirrored here so the portal
-- lists them without asking Temporal. Re-runs share their original's change id, which keys the
-- step ledger: a step completed under a change id is not applied again by a re-run.

alter table run drop constraint run_status_check;
alter table run drop constraint run_check;
alter table run add constraint run_status_check check (status in (
    'pending', 'running', 'needs_attention', 'awaiting_approval', 'waiting',
    'succeeded', 'failed', 'cancelled', 'terminated', 'timed_out', 'aborted'));
alter table run add constraint run_ended_check check (
    (status in ('pending', 'running', 'needs_attention', 'awaiting_approval', 'waiting'))
    = (ended_at is null));

alter table run add column change_id text;
update run set change_id = id;
alter table run alter column change_id set not null;
create index run_change on run (change_id);

-- A run that names no change starts its own: change id = run id.
create function run_default_change_id() returns trigger language plpgsql as $$
begin
    new.change_id := coalesce(new.change_id, new.id);
    return new;
end;
$$;

create trigger run_change_id before insert on run
    for each row execute function run_default_change_id();

-- What the workflow is waiting for an operator to decide (a JSON array, empty when nothing) and
-- its latest progress report; both written by the workflow's journal.
alter table run add column pending jsonb not null default '[]';
alter table run add column progress jsonb;

alter table run_event drop constraint run_event_kind_check;
alter table run_event add constraint run_event_kind_check check (kind in (
    'started', 'succeeded', 'failed', 'retried', 'skipped', 'compensated',
    'reused', 'parked', 'decided', 'compensating', 'compensation_failed',
    'approval_requested', 'approved', 'rejected', 'expired', 'lease_waiting', 'lease_acquired',
    'lease_released'));

-- Completed steps by idempotency key (change id, step, target). Written when a step succeeds,
-- read at the start of a re-run. The result is the step's return value as JSON.
create table step_ledger (
    change_id     text not null,
    step          text not null,
    target        text not null default '',
    run_id        text not null references run (id),
    result        jsonb,
    completed_at  timestamptz not null default now(),
    primary key (change_id, step, target)
);

-- Named targets a run holds exclusively, and the runs queued for them in request order.
create table lease (
    name         text primary key
                 check (name ~ '^(switch|hypervisor|hdfs-bu|mesh-idc|site):[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    holder_run   text not null references run (id),
    acquired_at  timestamptz not null default now()
);
create index lease_holder on lease (holder_run);

create table lease_waiter (
    id            bigint generated always as identity primary key,
    name          text not null,
    run_id        text not null references run (id),
    requested_at  timestamptz not null default now(),
    unique (name, run_id)
);

-- The trigger refuses UPDATE and DELETE for everyone; in addition no role gets them by default.
-- Production runs the application as a role that does not own the table (see
-- docs/operator-control.md), so it cannot drop the trigger either.
revoke update, delete, truncate on audit_log from public;
