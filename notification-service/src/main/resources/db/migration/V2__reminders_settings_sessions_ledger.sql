-- Issue 6: what a patient wants to hear about, what a clinic configured, what each session looks like now,
-- and every state a notification went through.

alter table patient_contact
    -- kinds of message the patient declined, e.g. 'session-reminder'; channels are in opted_out_channels
    add column opted_out_kinds text[] not null default array[]::text[],
    -- home-exercise reminders are opt-in (domain.md)
    add column home_exercise   boolean not null default false;

-- A clinic's notification settings. No row: the defaults below apply.
create table clinic_settings (
    clinic_id          uuid primary key,
    clinic_name        text        not null,
    -- ISO-8601 durations before the session start, e.g. {PT24H,PT2H}
    reminder_offsets   text[]      not null,
    quiet_hours_start  time        not null,
    quiet_hours_end    time        not null,
    -- the check-in is due either the next day at a local time or a duration after the session ends
    check_in_at        time,
    check_in_after     text,
    follow_up_delay    text        not null,
    languages          text[]      not null,
    version            bigint      not null default 0,
    updated_at         timestamptz not null default now(),
    constraint clinic_settings_check_in check ((check_in_at is null) <> (check_in_after is null))
);

-- The latest state of each session as the session events told it. Reminders are planned from it and checked
-- against it again when they fall due; an event with a version at or below the stored one changes nothing,
-- so a duplicate or an out-of-order event never brings back what a later one withdrew.
create table session_state (
    session_id      uuid primary key,
    clinic_id       uuid        not null,
    course_id       uuid        not null,
    patient_id      uuid        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    zone            text        not null,
    sequence        integer     not null,
    status          text        not null,
    version         bigint      not null,
    -- set by course.held.v1 for the sessions it lists, cleared by course.resumed.v1
    held            boolean     not null default false,
    -- bumped each time reminders are planned anew for the same version (after a resume), so their keys differ
    plan_generation integer     not null default 0,
    updated_at      timestamptz not null default now()
);
create index session_state_course on session_state (course_id);

-- The latest version of each course seen in course.held/resumed/cancelled events, for the same reason.
create table course_state (
    course_id  uuid primary key,
    clinic_id  uuid        not null,
    status     text        not null,
    version    bigint      not null,
    updated_at timestamptz not null default now()
);

-- Which version of its session a reminder was planned from: at send time it must still be the current one.
alter table notification add column session_version bigint;

-- The delivery ledger: one row per state a notification entered, written by a trigger so that no guarded
-- statement in the repository can change a status without leaving a trace.
create table notification_event (
    id              bigserial   primary key,
    notification_id uuid        not null references notification (id),
    status          text        not null,
    reason          text,
    attempt         integer     not null,
    occurred_at     timestamptz not null
);
create index notification_event_notification on notification_event (notification_id, id);

create function notification_ledger() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or new.status is distinct from old.status or new.attempts is distinct from old.attempts then
        insert into notification_event (notification_id, status, reason, attempt, occurred_at)
        values (new.id, new.status,
                -- a retry goes back to planned: the error that caused it is the reason
                case when new.status = 'planned' and tg_op = 'UPDATE' then new.last_error else new.status_reason end,
                new.attempts, clock_timestamp());
    end if;
    return new;
end
$$;

create trigger notification_ledger after insert or update on notification
    for each row execute function notification_ledger();
