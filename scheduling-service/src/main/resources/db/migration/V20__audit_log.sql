-- Issue 8: who changed what, when, from which request. One row per change made through the API or caused by an event,
-- written in the transaction of the change itself, so a row exists exactly when its change committed.
-- No patient data and no bodies: ids, the caller's subject and role, and the action only.
CREATE TABLE audit_log (
    id            bigserial   PRIMARY KEY,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    clinic_id     uuid        NOT NULL,
    subject       text        NOT NULL,
    role          text        NOT NULL,
    action        text        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   uuid        NOT NULL,
    request_id    text
);

-- GET /api/v1/audit: a clinic's entries newest first, optionally of one resource, keyset-paged by id.
CREATE INDEX audit_log_clinic_newest ON audit_log (clinic_id, id DESC);
CREATE INDEX audit_log_resource_newest ON audit_log (clinic_id, resource_type, resource_id, id DESC);

-- Append-only: an entry can be neither changed nor removed, not even by the service's own database user.
CREATE FUNCTION audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate
    BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
