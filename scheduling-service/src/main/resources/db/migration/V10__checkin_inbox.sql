-- Inbox of consumed events (patient-checkin-events): one row per ce_id, written in the same transaction as the
-- event's effect, so a redelivered event (at-least-once delivery, or another source re-sending it) has no second effect.
CREATE TABLE inbox_event (
    id          uuid        PRIMARY KEY,                 -- the event's ce_id
    source      text        NOT NULL,                    -- ce_source, e.g. /notification-service
    type        text        NOT NULL,                    -- ce_type, e.g. checkin.escalated.v1
    clinic_id   uuid,
    course_id   uuid,
    -- What the event did here, for operators: 'held', 'no-change', 'recorded'.
    outcome     text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
-- Purging old inbox rows (by age) and answering "what happened to this course's check-ins".
CREATE INDEX inbox_event_received ON inbox_event (received_at);
CREATE INDEX inbox_event_course ON inbox_event (course_id);
