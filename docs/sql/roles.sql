-- The role split for production (docs/production.md): an owner that runs the migrations and an
-- application role that owns nothing, so it can neither drop nor disable the audit log's
-- triggers, nor UPDATE, DELETE or TRUNCATE it. Run as a superuser once, then after every
-- migration run the grants at the end again (new tables need them).
--   psql -v app_password="'...'" -v owner_password="'...'" -f docs/sql/roles.sql longhaul

create role longhaul_owner login password :owner_password;
create role longhaul_app login password :app_password;
alter database longhaul owner to longhaul_owner;
alter schema public owner to longhaul_owner;

-- After each migration (as longhaul_owner or a superuser):
grant usage on schema public to longhaul_app;
grant select, insert, update, delete on all tables in schema public to longhaul_app;
grant usage, select on all sequences in schema public to longhaul_app;
grant execute on all functions in schema public to longhaul_app;
revoke update, delete, truncate on audit_log from longhaul_app;
