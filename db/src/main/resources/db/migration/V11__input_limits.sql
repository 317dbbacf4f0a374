-- Every free-text column gets the limit its request field has, so the API's validation and the
-- database agree (a 60 MB window description was once stored and served to every viewer).
-- NOT VALID: rows written before these limits are kept; every new or changed row is checked.
alter table maintenance_window
    add constraint maintenance_window_description_length check (length(description) <= 2000) not valid,
    add constraint maintenance_window_rrule_length check (length(rrule) <= 1000) not valid,
    add constraint maintenance_window_cron_length check (length(cron) <= 200) not valid,
    add constraint maintenance_window_zone_length check (length(zone) <= 64) not valid,
    add constraint maintenance_window_scopes_count check (cardinality(scopes) <= 32) not valid;

alter table window_freeze
    add constraint window_freeze_reason_length check (length(reason) between 1 and 2000) not valid,
    add constraint window_freeze_scopes_count check (cardinality(scopes) <= 32) not valid;

alter table schedule
    add constraint schedule_reason_length check (length(reason) between 1 and 2000) not valid,
    add constraint schedule_rrule_length check (length(rrule) <= 1000) not valid,
    add constraint schedule_cron_length check (length(cron) <= 200) not valid,
    add constraint schedule_zone_length check (length(zone) <= 64) not valid;

-- A null label broke GET /networks for everyone; none is meaningful.
update network set labels = array_remove(labels, null) where array_position(labels, null) is not null;
alter table network add constraint network_labels_not_null check (array_position(labels, null) is null);
