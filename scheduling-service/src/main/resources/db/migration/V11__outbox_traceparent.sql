-- The W3C traceparent of the request (or consumed event) whose transaction wrote the row: the relay continues that
-- trace when it publishes, so one trace runs from the booking request to notification-service. Null when the
-- writer was not traced (tracing off, a scheduled job).
ALTER TABLE outbox_event ADD COLUMN traceparent text;
