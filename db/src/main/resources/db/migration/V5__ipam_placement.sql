-- Schema v5: IPAM (ports and their addresses), instances, placement (capacity reservations) and
-- the users of each overlay binding. Every invariant the spawn relies on is a constraint or a
-- trigger here; the activities only choose, the database decides.

-- The free addresses of every network. An allocation deletes one row picked with
-- FOR UPDATE SKIP LOCKED, so concurrent allocations on one network neither wait for each other
-- nor take the same address; a release puts the address back.
create table ip_free (
    network_id  bigint not null references network (id) on delete cascade,
    address     inet not null check (masklen(address) = case family(address) when 4 then 32 else 128 end),
    primary key (network_id, address)
);

-- A network's host addresses (without network, broadcast and gateway) that no port holds. Large
-- networks are capped at 65,534 addresses: the free list stays small, and so does the migration.
create function network_refill_free(net network) returns void language sql as $$
    delete from ip_free
     where network_id = net.id
       and (not (address << net.cidr) or host(address) = host(net.gateway));
    insert into ip_free (network_id, address)
    select net.id, set_masklen(net.cidr + n, case family(net.cidr) when 4 then 32 else 128 end)
      from generate_series(1::bigint,
               least(65534, (2::numeric ^ (case family(net.cidr) when 4 then 32 else 128 end
                     - masklen(net.cidr)))::numeric - 2)::bigint) as n
     where host(net.cidr + n) <> host(net.gateway)
    on conflict do nothing;
$$;

create table ip_port (
    id              uuid primary key default gen_random_uuid(),
    network_id      bigint not null references network (id),
    -- Unique: a pod that drifts to another node asks for its port by name and keeps its address.
    name            text unique check (name ~ '^[a-z0-9][a-z0-9._-]{0,127}$'),
    -- An allocation retried with the same key returns the same port (run id + step + index).
    allocation_key  text unique check (length(allocation_key) between 1 and 200),
    address         inet not null,
    mac             macaddr not null unique,
    status          text not null default 'reserved'
                    check (status in ('reserved', 'bound', 'active', 'releasing')),
    hypervisor_id   bigint references hypervisor (id),
    instance_name   text,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    unique (network_id, address),
    -- A port past 'reserved' is bound to a host; a reserved one is bound to none.
    check ((status = 'reserved') = (hypervisor_id is null) or status = 'releasing')
);
create index ip_port_network on ip_port (network_id, status);

-- MACs come from a sequence in the locally administered range 02:4c:xx:xx:xx:xx.
create sequence ip_port_mac_seq;
alter table ip_port alter column mac set default
    ('02:4c' || regexp_replace(lpad(to_hex(nextval('ip_port_mac_seq') % 4294967296), 8, '0'),
                               '(..)', ':\1', 'g'))::macaddr;

-- reserved -> bound -> active -> releasing; bound and active may be re-bound (a drifting pod), a
-- bound port unbound again (a compensated bind);
-- anything may start releasing.
create function ip_port_transition() returns trigger language plpgsql as $$
begin
    if old.status = new.status
       or (old.status, new.status) in (('reserved', 'bound'), ('bound', 'reserved'), ('bound', 'active'), ('active', 'bound'))
       or new.status = 'releasing' then
        new.updated_at := now();
        return new;
    end if;
    raise exception 'port % cannot go from % to %', old.id, old.status, new.status
        using errcode = 'check_violation';
end;
$$;
create trigger ip_port_status before update of status on ip_port
    for each row execute function ip_port_transition();

-- The address must lie in the port's network and not be its gateway.
create function ip_port_address_check() returns trigger language plpgsql as $$
declare
    net network;
begin
    select * into net from network where id = new.network_id;
    if not (new.address << net.cidr) or host(new.address) = host(net.gateway) then
        raise exception 'address % is not a host address of network %', new.address, net.name
            using errcode = 'check_violation';
    end if;
    return new;
end;
$$;
create trigger ip_port_address before insert or update of address, network_id on ip_port
    for each row execute function ip_port_address_check();

-- A released port's address goes back on the free list.
create function ip_port_release() returns trigger language plpgsql as $$
begin
    insert into ip_free (network_id, address) values (old.network_id, old.address)
        on conflict do nothing;
    return old;
end;
$$;
create trigger ip_port_freed after delete on ip_port
    for each row execute function ip_port_release();

create function network_free_sync() returns trigger language plpgsql as $$
begin
    perform network_refill_free(new);
    -- Addresses held by ports never sit on the free list.
    delete from ip_free f using ip_port p
     where f.network_id = new.id and p.network_id = new.id and f.address = p.address;
    return null;
end;
$$;
create trigger network_free after insert or update of cidr, gateway on network
    for each row execute function network_free_sync();

select network_refill_free(n) from network n;

-- An instance (VM or pod) from the moment its spawn claims the name until its teardown ends.
create table instance (
    id             bigint generated always as identity primary key,
    name           text not null unique check (name ~ '^[a-z0-9][a-z0-9.-]{0,62}$'),
    kind           text not null check (kind in ('vm', 'pod')),
    site_id        bigint not null references site (id),
    vcpus          integer not null check (vcpus between 1 and 256),
    memory_mb      bigint not null check (memory_mb between 64 and 4194304),
    anti_affinity  text check (anti_affinity ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    hypervisor_id  bigint references hypervisor (id),
    port_id        uuid references ip_port (id) on delete set null,
    state          text not null check (state in ('spawning', 'active', 'deleting')),
    run_id         text not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);
create index instance_hypervisor on instance (hypervisor_id);

-- Capacity an instance holds on a host. The trigger below is the over-commit check: it locks the
-- host's row (one host, never a global lock), so concurrent reservations on a host serialise and
-- each sees the others' committed rows.
create table placement (
    instance_id    bigint primary key references instance (id) on delete cascade,
    hypervisor_id  bigint not null references hypervisor (id),
    vcpus          integer not null check (vcpus > 0),
    memory_mb      bigint not null check (memory_mb > 0),
    anti_affinity  text,
    -- Two members of an anti-affinity group never share a host.
    exclude using gist (anti_affinity with =, hypervisor_id with =) where (anti_affinity is not null)
);
create index placement_hypervisor on placement (hypervisor_id);

create function placement_fits() returns trigger language plpgsql as $$
declare
    h hypervisor;
    cpu bigint;
    mem bigint;
begin
    select * into h from hypervisor where id = new.hypervisor_id for update;
    if h.maintenance then
        raise exception 'hypervisor % is in maintenance', h.name using errcode = 'check_violation';
    end if;
    select coalesce(sum(vcpus), 0), coalesce(sum(memory_mb), 0) into cpu, mem
      from placement where hypervisor_id = new.hypervisor_id;
    if cpu > floor(h.cpu_cores * h.cpu_overcommit)
       or mem > floor(h.memory_mb * h.memory_overcommit) then
        raise exception 'hypervisor % would be over-committed', h.name
            using errcode = 'check_violation';
    end if;
    return null;
end;
$$;
create constraint trigger placement_capacity after insert or update on placement
    for each row execute function placement_fits();

-- Who uses an overlay binding (switch, interface, VLAN): one row per instance. A binding leaves the
-- switch only when its last user's row goes.
create table overlay_user (
    switch_id      bigint not null references switch (id) on delete cascade,
    interface      text not null check (interface ~ '^[A-Za-z][A-Za-z0-9/.-]{0,63}$'),
    vlan           integer not null check (vlan between 1 and 4094),
    vni            integer not null check (vni between 1 and 16777215),
    user_key       text not null check (length(user_key) between 1 and 200),
    created_at     timestamptz not null default now(),
    primary key (switch_id, interface, vlan, user_key)
);
