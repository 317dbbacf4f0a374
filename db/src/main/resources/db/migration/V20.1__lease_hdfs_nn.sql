-- Schema v20.1: lease kind 'hdfs-nn', one slot of a NameNode's bounded BU migrations
-- (hdfs-nn:<cluster>.<n>), as contracts' LeaseNames has it.

alter table lease drop constraint lease_name_check;
alter table lease add constraint lease_name_check
    check (name ~ '^(switch|hypervisor|hdfs-bu|hdfs-nn|mesh-idc|site):[A-Za-z0-9][A-Za-z0-9._-]{0,62}$');
