-- Schema v16 (issue 14): clusters are a kind of place a credential may be scoped to, like switches
-- and hypervisors. A cluster's base URL host must lie in its site's management networks and its
-- HTTP credential goes only where its scope allows (CredentialScopes, DeviceAccess).
alter table credential
    drop constraint credential_scope_kinds_check,
    add constraint credential_scope_kinds_check
        check (scope_kinds <@ array['switch', 'hypervisor', 'cluster']::text[]);
