-- Schema `scheduling` (Flyway sets it as the current schema for this script).

-- Exclusion constraints over (uuid, tstzrange) need btree's equality inside a GiST index.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A clinic is the tenant: its id is the token's clinic_id claim, so rows appear on first use.
CREATE TABLE clinic (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    zone          text        NOT NULL,
    min_gap_hours integer     NOT NULL DEFAULT 44 CHECK (min_gap_hours BETWEEN 0 AND 168),
    version       integer     NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE practitioner (
    id         uuid        PRIMARY KEY,
    clinic_id  uuid        NOT NULL REFERENCES clinic (id),
    name       text        NOT NULL,
    version    integer     NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- Lets course and session rows reference (clinic, practitioner) so a course can never use another clinic's practitioner.
    UNIQUE (clinic_id, id)
);

CREATE TABLE room (
    id         uuid        PRIMARY KEY,
    clinic_id  uuid        NOT NULL REFERENCES clinic (id),
    name       text        NOT NULL,
    version    integer     NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (clinic_id, id)
);

CREATE TABLE course (
    id                uuid        PRIMARY KEY,
    clinic_id         uuid        NOT NULL REFERENCES clinic (id),
    -- The clinic's patient id; names and contact details live elsewhere (notification-service).
    patient_id        uuid        NOT NULL,
    practitioner_id   uuid        NOT NULL,
    room_id           uuid        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled', 'completed')),
    start_date        date        NOT NULL,
    sessions_per_week integer     NOT NULL CHECK (sessions_per_week BETWEEN 1 AND 7),
    weeks             integer     NOT NULL CHECK (weeks BETWEEN 1 AND 52),
    weekdays          text        NOT NULL,
    local_time        time        NOT NULL,
    session_minutes   integer     NOT NULL CHECK (session_minutes > 0),
    zone              text        NOT NULL,
    -- RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12
    recurrence        text        NOT NULL,
    booked_by         text        NOT NULL,
    version           integer     NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (clinic_id, practitioner_id) REFERENCES practitioner (clinic_id, id),
    FOREIGN KEY (clinic_id, room_id) REFERENCES room (clinic_id, id)
);
CREATE INDEX course_clinic_patient ON course (clinic_id, patient_id);

CREATE TABLE session (
    id              uuid        PRIMARY KEY,
    clinic_id       uuid        NOT NULL REFERENCES clinic (id),
    course_id       uuid        NOT NULL REFERENCES course (id),
    practitioner_id uuid        NOT NULL,
    room_id         uuid        NOT NULL,
    number          integer     NOT NULL CHECK (number > 0),
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    -- The wall-clock date and time in the clinic's zone, kept so a DST change never moves a session.
    local_date      date        NOT NULL,
    local_time      time        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('scheduled', 'held', 'cancelled', 'completed', 'missed')),
    -- iCalendar SEQUENCE: bumped on every reschedule so calendars replace the old entry.
    sequence        integer     NOT NULL DEFAULT 0,
    version         integer     NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (course_id, number),
    CHECK (ends_at > starts_at),
    FOREIGN KEY (clinic_id, practitioner_id) REFERENCES practitioner (clinic_id, id),
    FOREIGN KEY (clinic_id, room_id) REFERENCES room (clinic_id, id),
    -- Double booking is impossible in the database, even for concurrent requests; cancelled sessions free their slot.
    CONSTRAINT session_practitioner_free EXCLUDE USING gist (
        practitioner_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'cancelled'),
    CONSTRAINT session_room_free EXCLUDE USING gist (
        room_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status <> 'cancelled')
);
CREATE INDEX session_course ON session (course_id, number);
CREATE INDEX session_clinic_starts ON session (clinic_id, starts_at);

-- Transactional outbox: written in the same transaction as the change it describes, published by OutboxRelay.
CREATE TABLE outbox_event (
    id              uuid        PRIMARY KEY,                 -- CloudEvents id (ce_id), stable across retries
    clinic_id       uuid        NOT NULL,
    aggregate_type  text        NOT NULL,                    -- 'course'
    aggregate_id    uuid        NOT NULL,                    -- the course id: Kafka key, unit of ordering
    type            text        NOT NULL,                    -- ce_type, e.g. course.scheduled.v1
    subject         text        NOT NULL,                    -- ce_subject: the course or session id
    occurred_at     timestamptz NOT NULL,                    -- ce_time
    payload         jsonb       NOT NULL,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'published')),
    -- Order within a course. Never used as a cursor: rows are claimed by status, so a late commit is not skipped.
    publish_order   bigint      GENERATED ALWAYS AS IDENTITY,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),      -- backoff after a failed send
    last_error      text,
    published_at    timestamptz
);
-- Claiming: pending rows in order, and the per-course "is there an older pending row" probe.
CREATE INDEX outbox_event_pending ON outbox_event (publish_order) WHERE status = 'pending';
CREATE INDEX outbox_event_pending_course ON outbox_event (aggregate_id, publish_order) WHERE status = 'pending';
-- Purging published rows after the retention.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE status = 'published';

-- Wakes the relay at commit (NOTIFY is transactional); one notification per statement is enough.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('scheduling_outbox', '');
    RETURN NULL;
END;
$$;
CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
