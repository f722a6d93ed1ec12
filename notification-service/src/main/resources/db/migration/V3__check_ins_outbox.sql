-- Issue 7: the check-in after each session, the patient's answer and the decision on it, and the outbox that carries
-- the outcome to patient-checkin-events in the same transaction as the change that caused it.

-- One per completed session. The link's token is never stored: only its SHA-256, for the lookup, and the random
-- nonce the token is derived from (token = HMAC-SHA256(server secret, id || nonce)), so the message can be written
-- again at send time (a retry) without the token ever being at rest. The database alone does not yield a token.
create table check_in (
    id              uuid primary key,
    clinic_id       uuid        not null,
    course_id       uuid        not null,
    session_id      uuid        not null,
    patient_id      uuid        not null,
    session_ended_at timestamptz not null,
    due_at          timestamptz not null,
    -- the one follow-up of an unanswered check-in, and when it is declared unanswered
    follow_up_at    timestamptz not null,
    unanswered_at   timestamptz not null,
    nonce           bytea       not null,
    token_hash      bytea       not null,
    status          text        not null default 'open',
    answered_at     timestamptz,
    closed_at       timestamptz,
    created_at      timestamptz not null default now(),
    constraint check_in_status check (status in ('open', 'answered', 'unanswered')),
    constraint check_in_session unique (session_id),
    constraint check_in_token unique (token_hash)
);
create index check_in_course on check_in (clinic_id, course_id, due_at desc, id desc);
-- The unanswered sweep looks only at open check-ins.
create index check_in_open on check_in (unanswered_at) where status = 'open';

-- The answer and the decision, written together once. Clinical content: it stays in this table and the clinic's
-- view; events carry ids, severity and the rule version only.
create table check_in_answer (
    check_in_id         uuid primary key references check_in (id),
    pain                integer     not null,
    pain_sites          text[]      not null,
    urination           text        not null,
    erectile_difficulty boolean     not null,
    irritation          boolean     not null,
    note                text,
    severity            text        not null,
    rule_version        integer     not null,
    -- which rules fired, e.g. {pain-at-least,urination-some-difficulty}
    reasons             text[]      not null,
    answered_at         timestamptz not null,
    constraint check_in_answer_pain check (pain between 0 and 10),
    constraint check_in_answer_urination check (urination in ('normal', 'some-difficulty', 'unable')),
    constraint check_in_answer_severity check (severity in ('none', 'review', 'urgent'))
);

-- Events to publish on patient-checkin-events, written in the transaction of the change. The relay sends each
-- course's rows in publish_order and marks a row published only after the broker's ack.
create table outbox_event (
    id              uuid primary key,
    course_id       uuid        not null,
    type            text        not null,
    subject         text        not null,
    occurred_at     timestamptz not null,
    payload         jsonb       not null,
    status          text        not null default 'pending',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    publish_order   bigserial,
    published_at    timestamptz,
    constraint outbox_event_status check (status in ('pending', 'published'))
);
create index outbox_event_pending on outbox_event (course_id, publish_order) where status = 'pending';
