-- Schema v15: V13 added 'resumed' to the step-event kinds and V14 restated the list without it;
-- the list as contracts' StepEventKind has it (VocabularyConstraintsTest compares the two).

alter table run_event drop constraint run_event_kind_check;
alter table run_event add constraint run_event_kind_check check (kind in (
    'started', 'succeeded', 'failed', 'retried', 'skipped', 'compensated',
    'reused', 'parked', 'decided', 'compensating', 'compensation_failed',
    'approval_requested', 'approved', 'rejected', 'expired', 'lease_waiting', 'lease_acquired',
    'lease_released', 'waiting', 'window_open', 'paused', 'condition_met', 'resumed'));
