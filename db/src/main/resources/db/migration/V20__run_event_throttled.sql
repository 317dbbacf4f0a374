-- Schema v20: 'throttled', a long phase's bandwidth cap changing (by the operator, or lowered
-- under NameNode or link stress and restored), joins the step-event kinds of contracts' StepEventKind.

alter table run_event drop constraint run_event_kind_check;
alter table run_event add constraint run_event_kind_check check (kind in (
    'started', 'succeeded', 'failed', 'retried', 'skipped', 'compensated',
    'reused', 'parked', 'decided', 'compensating', 'compensation_failed',
    'approval_requested', 'approved', 'rejected', 'expired', 'lease_waiting', 'lease_acquired',
    'lease_released', 'waiting', 'window_open', 'paused', 'condition_met', 'resumed', 'throttled'));
