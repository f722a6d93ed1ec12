-- Issue 19: notification-service learns which clinic a patient belongs to from patient.registered.v1, written by
-- every registration from now on. The patients registered before this version get theirs here, once, through the
-- outbox like any other event: the relay publishes them (oldest first, so ahead of newer events), and the consumer's
-- inbox and idempotent upsert make a replay harmless. ce_time / registeredAt: the patient's own created_at.
INSERT INTO outbox_event (id, clinic_id, aggregate_type, aggregate_id, type, subject, occurred_at, payload)
SELECT gen_random_uuid(), p.clinic_id, 'patient', p.id, 'patient.registered.v1', p.id::text,
       date_trunc('microseconds', p.created_at),
       jsonb_build_object('clinicId', p.clinic_id, 'patientId', p.id,
                          'registeredAt', to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
FROM patient p
ORDER BY p.created_at, p.id;
