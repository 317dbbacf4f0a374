-- Schema v14: step-event kinds as contracts' StepEventKind lists them (VocabularyConstraintsTest
-- compares the two): a condition wait reports 'condition_met' when what it waited for holds.

alter table run_event drop constraint run_event_kind_check;
alter table run_event add constraint run_event_kind_check check (kind in (
    'started', 'succeeded', 'failed', 'retried', 'skipped', 'compensated',
    'reused', 'parked', 'decided', 'compensating', 'compensation_failed',
    'approval_requested', 'approved', 'rejected', 'expired', 'lease_waiting', 'lease_acquired',
    'lease_released', 'waiting', 'window_open', 'paused', 'condition_met'));
