-- Issue 10 (benchmark): every session event withdraws the session's planned reminders by session_id; without an
-- index that is a sequential scan of the whole notification table per event, so consumption slowed as reminders
-- accumulated (13 ms per event at 40,000 rows). Partial like notification_due: only planned rows are looked up.
create index notification_session on notification (session_id) where status = 'planned';
