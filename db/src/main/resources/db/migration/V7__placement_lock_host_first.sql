-- Schema v7: a reservation locks its host's row before anything else touches it.
--
-- Inserting a placement row first takes a KEY SHARE lock on the host's row (the foreign key's
-- check), then placement_fits() (V5) asks for FOR UPDATE on the same row. Two reservations on one
-- host both got the shared lock and then each waited for the other's to upgrade: a deadlock, which
-- PostgreSQL broke after deadlock_timeout by failing one of them (40P01). Taking FOR UPDATE in a
-- BEFORE trigger, ahead of the foreign key's check, makes the second reservation wait holding
-- nothing on the host, so they queue instead. placement_fits() still decides; its own FOR UPDATE
-- then finds the lock already held.
create function placement_lock_host() returns trigger language plpgsql as $$
begin
    perform 1 from hypervisor where id = new.hypervisor_id for update;
    return new;
end;
$$;
create trigger placement_lock_host before insert or update of hypervisor_id on placement
    for each row execute function placement_lock_host();
