-- What a run produced (e.g. topology discovery's drift report), as its workflow returned it.
alter table run add column result jsonb;
