-- Issue 3: clinic setup (opening hours, closures), patients and evaluations, booking rules, idempotent creation.

-- Opening hours as a JSON list of {weekday, opens, closes}; a weekday absent is closed. Defaults to Mon-Fri 08-18
-- so clinics provisioned before this migration keep booking at office hours.
ALTER TABLE clinic
    ADD COLUMN opening_hours    text    NOT NULL DEFAULT
        '[{"weekday":"MONDAY","opens":"08:00","closes":"18:00"},{"weekday":"TUESDAY","opens":"08:00","closes":"18:00"},{"weekday":"WEDNESDAY","opens":"08:00","closes":"18:00"},{"weekday":"THURSDAY","opens":"08:00","closes":"18:00"},{"weekday":"FRIDAY","opens":"08:00","closes":"18:00"}]',
    -- Issue 5 reads it: whether a missed session is made up at the end of the course.
    ADD COLUMN make_up_sessions boolean NOT NULL DEFAULT true;

-- Days the clinic is closed (holidays); a single day has first_day = last_day.
CREATE TABLE closure (
    id         uuid        PRIMARY KEY,
    clinic_id  uuid        NOT NULL REFERENCES clinic (id),
    first_day  date        NOT NULL,
    last_day   date        NOT NULL,
    reason     text,
    version    integer     NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK (last_day >= first_day)
);
CREATE INDEX closure_clinic_days ON closure (clinic_id, first_day, last_day);

-- A patient as scheduling knows them: no name, no contact details (those live in notification-service).
CREATE TABLE patient (
    id                 uuid        PRIMARY KEY,
    clinic_id          uuid        NOT NULL REFERENCES clinic (id),
    external_reference text        NOT NULL,
    zone               text        NOT NULL,
    language           text        NOT NULL,
    version            integer     NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (clinic_id, external_reference),
    UNIQUE (clinic_id, id)
);

CREATE TABLE evaluation (
    id           uuid        PRIMARY KEY,
    clinic_id    uuid        NOT NULL,
    patient_id   uuid        NOT NULL,
    evaluated_on date        NOT NULL,
    clinician    text        NOT NULL,
    -- Finding codes, e.g. chronic-prostatitis,congestion; the system stores codes and never diagnoses.
    findings     text        NOT NULL,
    recorded_by  text        NOT NULL,
    version      integer     NOT NULL DEFAULT 1,
    created_at   timestamptz NOT NULL DEFAULT now(),
    FOREIGN KEY (clinic_id, patient_id) REFERENCES patient (clinic_id, id)
);
CREATE INDEX evaluation_patient_date ON evaluation (clinic_id, patient_id, evaluated_on DESC, created_at DESC);

-- NOT VALID: courses booked by the walking skeleton (random patient ids) stay; every new course must name a patient.
ALTER TABLE course ADD CONSTRAINT course_patient FOREIGN KEY (clinic_id, patient_id)
    REFERENCES patient (clinic_id, id) NOT VALID;
CREATE INDEX course_clinic_created ON course (clinic_id, created_at DESC, id DESC);

-- A session moved off its pattern day (a closure) keeps its own date; moved_from is the pattern date it replaces,
-- so a calendar can emit it as an exception (RECURRENCE-ID) to the course's RRULE.
ALTER TABLE session ADD COLUMN moved_from date;

-- Idempotency-Key: the first answer to a creating POST, replayed for the same key and body for 24 hours.
-- The primary key makes concurrent requests with one key wait for each other instead of both executing.
CREATE TABLE idempotent_request (
    id            text        PRIMARY KEY,            -- clinic id + '/' + the client's key: keys are per clinic
    clinic_id     uuid        NOT NULL,
    request_hash  text        NOT NULL,               -- SHA-256 of the operation and its canonical JSON body
    status        integer,
    location      text,
    etag          text,
    body          text,
    created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotent_request_created ON idempotent_request (created_at);
