-- Runbooks: operators' own operations in YAML. Every save is a new version (who, when, why, the
-- YAML as written and the validated definition a run pins); versions are never changed or
-- deleted, since runs of them may be live or re-run. Archiving takes a runbook out of the catalog.
create table runbook (
    name        text primary key check (name ~ '^[a-z][a-z0-9-]{1,47}$'),
    created_by  text not null check (length(created_by) <= 100),
    created_at  timestamptz not null default now(),
    archived_at timestamptz,
    archived_by text check (length(archived_by) <= 100)
);

create table runbook_version (
    runbook    text not null references runbook (name),
    version    integer not null check (version >= 1),
    title      text not null check (length(title) between 1 and 120),
    source     text not null check (length(source) <= 2000000),
    definition jsonb not null,
    reason     text not null check (length(reason) between 1 and 2000),
    created_by text not null check (length(created_by) <= 100),
    created_at timestamptz not null default now(),
    primary key (runbook, version)
);

-- Versions are history: refuse to rewrite it.
create function runbook_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'runbook versions are never changed or deleted';
end $$;

create trigger runbook_version_immutable
    before update or delete on runbook_version
    for each row execute function runbook_version_immutable();
