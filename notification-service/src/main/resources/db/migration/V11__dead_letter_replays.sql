-- Dead letters an operator replayed (ops.DeadLetterReplays): one row per dead-letter record, so a second replay of
-- the same record is refused (409) instead of publishing the event again. The consumer's inbox would drop such a
-- duplicate anyway; the row is the operator's audit trail of who replayed what, when, and where it went.
create table dead_letter_replay (
    dlq_topic        text        not null,
    dlq_partition    integer     not null,
    dlq_offset       bigint      not null,
    event_id         uuid,                    -- ce_id of the record, when it had a readable one
    clinic_id        uuid,                    -- the clinic the record belongs to, when it names one
    replayed_by      text        not null,    -- the operator's token subject
    replayed_at      timestamptz not null default now(),
    replay_topic     text        not null,
    replay_partition integer,
    replay_offset    bigint,
    primary key (dlq_topic, dlq_partition, dlq_offset)
);
