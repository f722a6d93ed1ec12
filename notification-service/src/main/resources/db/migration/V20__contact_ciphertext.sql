-- Issue 8: contact details encrypted at rest (contact.ContactCipher: AES-256-GCM, a random 96-bit nonce per value,
-- the clinic, patient and field as associated data, so a value copied into another row or field does not decrypt).
-- key_id names the key each row was written under, so keys can rotate: contact.ContactReencryption encrypts the
-- rows still in clear (those written before this migration) and re-encrypts rows under a key that is no longer
-- current, in batches, after every start. Until it has run once, old rows keep their plaintext in email/phone;
-- nothing writes those columns any more and the job empties them. A later migration drops them.
alter table patient_contact
    add column email_ciphertext bytea,
    add column phone_ciphertext bytea,
    add column key_id           text,
    alter column email drop not null;

comment on column patient_contact.email is 'legacy plaintext, emptied by the re-encryption job; never written';
comment on column patient_contact.phone is 'legacy plaintext, emptied by the re-encryption job; never written';

-- A row is either legacy plaintext (no key id yet) or encrypted with no plaintext left.
alter table patient_contact add constraint patient_contact_encrypted check (
    (key_id is null and email_ciphertext is null and phone_ciphertext is null and email is not null)
    or (key_id is not null and email_ciphertext is not null and email is null and phone is null));

-- The job looks for rows to encrypt or re-encrypt by key id.
create index patient_contact_key on patient_contact (key_id);
