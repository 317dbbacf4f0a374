-- Bumped whenever what a user may do changes (role, enabled, password): a portal session that
-- was opened at an older version is ended on its next request.
alter table app_user add column session_version integer not null default 0;
