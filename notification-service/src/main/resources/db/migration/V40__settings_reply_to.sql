-- The address patients' replies go to (Reply-To of every mail, ORGANIZER of its calendar part); null: none given.
ALTER TABLE clinic_settings ADD COLUMN reply_to varchar(254);
