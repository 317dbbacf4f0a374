-- A run whose workflow was lost (the embedded Temporal server keeps history in memory only) is
-- resumed from PostgreSQL at start; its timeline says so with a 'resumed' event.
--
-- The kind check is extended in place rather than restated: other migrations extend the same list,
-- and restating it here would drop whatever they added.
do $$
declare
    def text;
begin
    select pg_get_constraintdef(oid) into def
      from pg_constraint
     where conrelid = 'run_event'::regclass and conname = 'run_event_kind_check';
    if def is not null and position('''resumed''' in def) = 0 then
        execute 'alter table run_event drop constraint run_event_kind_check';
        -- def reads: CHECK ((kind = ANY (ARRAY['started'::text, ...])))
        execute 'alter table run_event add constraint run_event_kind_check '
             || replace(def, 'ARRAY[', 'ARRAY[''resumed''::text, ');
    end if;
end
$$;
