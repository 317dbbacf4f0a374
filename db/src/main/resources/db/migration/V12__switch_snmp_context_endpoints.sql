-- An SNMPv3 context per switch: one agent may serve several switches (a chassis' virtual contexts,
-- snmpsim's recordings), each selected by its context name; '' is the default context.
alter table switch add column snmp_context text not null default ''
    check (snmp_context ~ '^[A-Za-z0-9._/-]{0,32}$');

-- SSH and SNMP endpoints are unique each on its own, and only where the switch is reached that way:
-- switches read only over SNMP share no SSH server, and switches behind one agent share its port.
alter table switch drop constraint switch_mgmt_address_ssh_port_key;
create unique index switch_ssh_endpoint on switch (mgmt_address, ssh_port)
    where ssh_credential_id is not null;
create unique index switch_snmp_endpoint
    on switch (mgmt_address, snmp_port, snmp_context, snmp_credential_id)
    where snmp_credential_id is not null;
