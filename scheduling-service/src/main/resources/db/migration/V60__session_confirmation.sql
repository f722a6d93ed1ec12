-- Issue 18: the patient's replies to reminders (confirm, ask for another time) reach the session.

-- The session's confirmation as the clinic sees it. A reschedule or cancellation resets it to 'unconfirmed' (the
-- patient confirmed a time that no longer holds). confirmation_changed_at is when it was last set or reset: the
-- reply's receivedAt for a reply, the change's time for a reset. A reply received before it is stale and ignored.
ALTER TABLE session
    ADD COLUMN confirmation            text NOT NULL DEFAULT 'unconfirmed'
        CHECK (confirmation IN ('unconfirmed', 'confirmed', 'reschedule-requested')),
    ADD COLUMN confirmation_changed_at timestamptz;

-- Every reply received (applied or not), one row per notification-service reply id: a reply published again under a
-- new ce_id is still applied once, and an operator can see what happened to each. Ids, channel and times only: the
-- message text stays in notification-service.
CREATE TABLE session_reply (
    id          uuid        PRIMARY KEY,              -- replyId
    event_id    uuid        NOT NULL,                 -- the ce_id it first arrived with
    clinic_id   uuid        NOT NULL,
    course_id   uuid        NOT NULL,
    session_id  uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('confirmed', 'reschedule-requested')),
    channel     text        NOT NULL CHECK (channel IN ('sms', 'email')),
    received_at timestamptz NOT NULL,
    -- 'applied', or why not: 'unknown-session', 'not-scheduled', 'changed-after-reply'.
    outcome     text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX session_reply_session ON session_reply (session_id);
