-- Issue 19: which clinic a patient id and a course id belong to, so that another clinic's call on them answers 404
-- like an unknown id. Learned from scheduling's events (patient.registered.v1, and every course and session event,
-- which name clinic, patient and course), in the consumer's batch transaction.

-- confirmed: scheduling said so (an event). Not confirmed: only a contact PUT of that clinic claimed the id before any
-- event named it (a clinic puts the contact right after registering the patient, before the event is consumed);
-- the first event naming the patient settles the owner.
create table clinic_patient (
    patient_id uuid primary key,
    clinic_id  uuid        not null,
    confirmed  boolean     not null,
    learned_at timestamptz not null default now()
);

create table clinic_course (
    course_id  uuid primary key,
    clinic_id  uuid        not null,
    learned_at timestamptz not null default now()
);

-- The registration's check for contacts another clinic put under a patient id before it was known.
create index patient_contact_patient on patient_contact (patient_id);

-- Back-fill from what this service already knows of the patients and courses registered before this version
-- (scheduling's V70 also publishes patient.registered.v1 for every patient it has, so patients without a course
-- are learned as soon as those are consumed).
insert into clinic_patient (patient_id, clinic_id, confirmed)
select distinct on (patient_id) patient_id, clinic_id, true
from (select patient_id, clinic_id from session_state
      union all select patient_id, clinic_id from notification
      union all select patient_id, clinic_id from check_in) known
order by patient_id
on conflict (patient_id) do nothing;

insert into clinic_patient (patient_id, clinic_id, confirmed)
select patient_id, (array_agg(clinic_id))[1], false
from patient_contact
group by patient_id
having count(*) = 1
on conflict (patient_id) do nothing;

insert into clinic_course (course_id, clinic_id)
select distinct on (course_id) course_id, clinic_id
from (select course_id, clinic_id from session_state
      union all select course_id, clinic_id from course_state
      union all select course_id, clinic_id from notification
      union all select course_id, clinic_id from check_in) known
order by course_id
on conflict (course_id) do nothing;

-- Contacts another clinic put under a patient id that scheduling says is not theirs were never used (messages go to
-- the contact of the event's clinic) and must not be read by the clinic that put them: they go.
delete from patient_contact c
using clinic_patient p
where p.patient_id = c.patient_id and p.confirmed and p.clinic_id <> c.clinic_id;
