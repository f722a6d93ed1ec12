-- Issue 18: what patients answer to their reminders, by SMS reply or by a link in the reminder mail.

-- HMAC-SHA256 of the contact's phone number in E.164 under a key derived from the server secret: an SMS reply's
-- sender is found by it without decrypting every contact, and a copy of the database alone does not reveal which
-- number a row holds. Written with every contact write; rows from before V60 are filled in by PhoneLookupBackfill.
alter table patient_contact add column phone_lookup bytea;
create index patient_contact_phone_lookup on patient_contact (clinic_id, phone_lookup) where phone_lookup is not null;

-- One row per reply received: the provider's redelivery of the same MessageSid (or a second press of the same mail
-- button) finds its row and changes nothing. No message text and no phone number here.
create table patient_reply (
    id           uuid primary key,
    clinic_id    uuid        not null,
    channel      text        not null check (channel in ('sms', 'email')),
    -- sms: the provider's MessageSid; email: '<action>:<session id>' of the link
    delivery_key text        not null,
    -- null when no contact of the clinic has the sender's number
    patient_id   uuid,
    -- confirm | reschedule | opt-out | opt-in | help | message
    keyword      text        not null,
    -- the session a confirm or reschedule applies to; null when the patient had none scheduled
    session_id   uuid,
    course_id    uuid,
    received_at  timestamptz not null,
    constraint patient_reply_once unique (clinic_id, channel, delivery_key)
);
create index patient_reply_patient on patient_reply (clinic_id, patient_id, received_at);

-- Free text a patient sent back, for the clinic's clinicians: encrypted like the contact it came from
-- (AES-256-GCM under the contact keys, bound to clinic, patient and field).
create table patient_message (
    id          uuid primary key references patient_reply (id),
    clinic_id   uuid        not null,
    patient_id  uuid        not null,
    key_id      text        not null,
    ciphertext  bytea       not null,
    received_at timestamptz not null
);
create index patient_message_patient on patient_message (clinic_id, patient_id, received_at desc, id desc);
