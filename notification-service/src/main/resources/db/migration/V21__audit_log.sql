-- Issue 8: who changed what through the API, written in the same transaction as the change (audit.AuditLog).
-- No patient data and no bodies: ids, names of actions and resource types only.
create table audit_log (
    id            bigserial   primary key,
    occurred_at   timestamptz not null default clock_timestamp(),
    clinic_id     uuid        not null,
    -- the token's subject, or system:<what> for changes an event caused
    subject       text        not null,
    role          text        not null,
    -- <resource>.<verb>, e.g. contact.updated
    action        text        not null,
    resource_type text        not null,
    resource_id   text        not null,
    request_id    text
);
create index audit_log_clinic on audit_log (clinic_id, id desc);
create index audit_log_resource on audit_log (clinic_id, resource_type, resource_id, id desc);

-- Append-only: no statement of the application (or anyone else short of the table owner dropping the trigger)
-- can rewrite or remove history.
create function audit_log_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_log_no_update_delete before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
