-- Events already applied, by CloudEvents id: the consumer inserts here in the same transaction
-- as the effect, so a redelivered event changes nothing.
create table inbox (
    event_id    uuid primary key,
    event_type  text        not null,
    received_at timestamptz not null default now()
);

-- How to reach a patient. Only this service holds contact data; it never travels on Kafka.
create table patient_contact (
    clinic_id          uuid        not null,
    patient_id         uuid        not null,
    email              text        not null,
    phone              text,
    language           text        not null default 'en',
    zone               text        not null default 'Europe/Berlin',
    preferred_channels text[]      not null default array['email'],
    -- null: the clinic's default quiet hours apply
    quiet_hours_start  time,
    quiet_hours_end    time,
    opted_out_channels text[]      not null default array[]::text[],
    version            bigint      not null default 0,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    primary key (clinic_id, patient_id),
    constraint patient_contact_language check (language in ('en', 'de'))
);

-- One message to one patient over one channel, planned for a moment and then delivered.
-- The contact is resolved when sending, so a corrected address is used and none is copied here.
create table notification (
    id              uuid        primary key,
    clinic_id       uuid        not null,
    patient_id      uuid        not null,
    course_id       uuid        not null,
    session_id      uuid,
    kind            text        not null,
    channel         text        not null,
    due_at          timestamptz not null,
    status          text        not null default 'planned',
    -- planned: when to try next; sending: when the claim lapses and another dispatcher may take it over
    next_attempt_at timestamptz not null,
    attempts        integer     not null default 0,
    last_error      text,
    status_reason   text,
    -- the same planned message always gets the same key: a second plan of it is refused, and
    -- providers that accept an idempotency key never deliver it twice
    idempotency_key text        not null,
    payload         jsonb       not null,
    planned_at      timestamptz not null default now(),
    claimed_at      timestamptz,
    sent_at         timestamptz,
    failed_at       timestamptz,
    skipped_at      timestamptz,
    withdrawn_at    timestamptz,
    constraint notification_status check (status in ('planned', 'sending', 'sent', 'failed', 'withdrawn', 'skipped')),
    constraint notification_idempotency_key unique (idempotency_key)
);

-- The dispatcher's claim: only open rows are indexed, so the index stays as small as the backlog.
create index notification_due on notification (next_attempt_at) where status in ('planned', 'sending');
create index notification_patient on notification (clinic_id, patient_id, due_at);
create index notification_course on notification (clinic_id, course_id);
