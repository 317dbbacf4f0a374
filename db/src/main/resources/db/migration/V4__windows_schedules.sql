-- Schema v4: maintenance windows, freezes and schedules. Windows and freezes gate disruptive
-- steps of running workflows; the scopes a run's steps declared are recorded so a change to a
-- window or freeze can be signalled to exactly the runs it affects. Scopes are 'kind:value' text
-- ('site:sha', 'operation:hdfs-migration'); a freeze with no scopes is global.

create table maintenance_window (
    id                bigint generated always as identity primary key,
    name              text not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    description       text,
    scopes            text[] not null check (cardinality(scopes) > 0),
    rrule             text,
    cron              text,
    duration_minutes  integer not null check (duration_minutes between 1 and 44640),
    zone              text not null,
    -- The RRULE's DTSTART, a local date-time in the window's zone.
    anchor            timestamp,
    exception_dates   date[] not null default '{}',
    created_by        text not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check ((rrule is null) <> (cron is null))
);

create table window_freeze (
    id          bigint generated always as identity primary key,
    name        text not null check (name ~ '^[A-Za-z0-9][A-Za-z0-9.:_-]{0,80}$'),
    scopes      text[] not null default '{}',
    starts_at   timestamptz not null default now(),
    -- Null: until lifted. Lifting sets it, so the freeze stays on record.
    ends_at     timestamptz,
    reason      text not null,
    created_by  text not null,
    created_at  timestamptz not null default now(),
    lifted_by   text,
    check (ends_at is null or ends_at >= starts_at)
);
create index window_freeze_active on window_freeze (ends_at);

-- Written by the window gate when a run's step first asks about a scope.
create table run_scope (
    run_id  text not null references run (id),
    scope   text not null,
    primary key (run_id, scope)
);
create index run_scope_scope on run_scope (scope);

create table schedule (
    id                bigint generated always as identity primary key,
    name              text not null unique check (name ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$'),
    operation         text not null,
    params            jsonb not null,
    reason            text not null,
    rrule             text,
    cron              text,
    -- Fire at the start of each opening of this window instead of on a recurrence.
    window_id         bigint references maintenance_window (id),
    zone              text not null default 'UTC',
    anchor            timestamp,
    overlap           text not null default 'skip' check (overlap in ('skip', 'buffer_one', 'allow_all')),
    catchup_seconds   integer not null default 0 check (catchup_seconds >= 0),
    paused            boolean not null default false,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    check (num_nonnulls(rrule, cron, window_id) = 1)
);

-- What each schedule did at each nominal fire time: fired (with its run), skipped or buffered.
create table schedule_event (
    id            bigint generated always as identity primary key,
    schedule_id   bigint not null references schedule (id) on delete cascade,
    nominal_at    timestamptz not null,
    kind          text not null check (kind in ('fired', 'skipped', 'buffered', 'missed')),
    run_id        text references run (id),
    detail        text,
    occurred_at   timestamptz not null default now()
);
create index schedule_event_schedule on schedule_event (schedule_id, id);

alter table run_event drop constraint run_event_kind_check;
alter table run_event add constraint run_event_kind_check check (kind in (
    'started', 'succeeded', 'failed', 'retried', 'skipped', 'compensated',
    'reused', 'parked', 'decided', 'compensating', 'compensation_failed',
    'approval_requested', 'approved', 'rejected', 'expired', 'lease_waiting', 'lease_acquired',
    'lease_released', 'waiting', 'window_open', 'paused'));
