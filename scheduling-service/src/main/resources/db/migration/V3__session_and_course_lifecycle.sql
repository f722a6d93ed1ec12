-- Issue 5: session and course lifecycle (reschedule, cancel, missed, complete; hold, resume, extend, cancel), agenda.

-- What a change recorded. status_reason is a machine-readable code (e.g. patient:illness, clinician-request), never
-- free clinical text. The tolerance note is clinical: it stays in this table and never reaches an event or a log.
ALTER TABLE session
    ADD COLUMN status_reason  text,
    ADD COLUMN cancelled_by   text CHECK (cancelled_by IN ('clinic', 'patient')),
    ADD COLUMN intensity      smallint CHECK (intensity BETWEEN 1 AND 5),
    ADD COLUMN tolerance_note text,
    ADD COLUMN completed_at   timestamptz,
    -- A make-up session names the cancelled or missed session it makes up for.
    ADD COLUMN make_up_for    uuid REFERENCES session (id);

ALTER TABLE course
    ADD COLUMN status_reason    text,
    ADD COLUMN extension_reason text;

-- The agenda: one clinic's sessions starting in a window, optionally of one practitioner or one room, in
-- (starts_at, id) order for keyset paging. The id makes each index cover the cursor's tie-break; these replace the
-- plain (clinic_id, starts_at) index, which the first of them also serves.
CREATE INDEX session_clinic_starts_id ON session (clinic_id, starts_at, id);
CREATE INDEX session_clinic_practitioner_starts ON session (clinic_id, practitioner_id, starts_at, id);
CREATE INDEX session_clinic_room_starts ON session (clinic_id, room_id, starts_at, id);
DROP INDEX session_clinic_starts;

-- Resuming a held course moves all its held sessions at once; one may move into a slot another of them still holds
-- until its own update. Deferrable lets that transaction check the constraints at commit (SET CONSTRAINTS ...
-- DEFERRED); every other transaction still checks them per statement (INITIALLY IMMEDIATE), as before.
ALTER TABLE session
    DROP CONSTRAINT session_practitioner_free,
    DROP CONSTRAINT session_room_free,
    ADD CONSTRAINT session_practitioner_free EXCLUDE USING gist (
        practitioner_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'cancelled')
        DEFERRABLE INITIALLY IMMEDIATE,
    ADD CONSTRAINT session_room_free EXCLUDE USING gist (
        room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'cancelled')
        DEFERRABLE INITIALLY IMMEDIATE;
