package health.courses.notification.contact;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A {@code patient_contact} row as the dispatcher reads it (through the Vert.x client, see {@link StoredContacts}):
 * its preferences in the clear, its addresses as stored. The same reading rules as {@link PatientContact}: a row
 * without a key id is legacy plaintext (before V20), otherwise the ciphertexts are decrypted under its key.
 */
record StoredContact(ContactKey key, String legacyEmail, String legacyPhone, byte[] emailCiphertext,
        byte[] phoneCiphertext, String keyId, String language, String zone, List<String> preferredChannels,
        LocalTime quietHoursStart, LocalTime quietHoursEnd, List<String> optedOutChannels, List<String> optedOutKinds,
        boolean homeExercise) {

    /** Channels, quiet hours, zone and opt-outs: everything but the addresses, so nothing is decrypted. */
    ContactPreferences preferences() {
        return new ContactPreferences(ZoneId.of(zone), preferredChannels, quietHours(), optOuts());
    }

    /** @throws ContactCipher.Unreadable when the stored ciphertext does not decrypt for this row */
    Contact contact(ContactCipher cipher) {
        return new Contact(email(cipher), phone(cipher), Languages.locale(language), ZoneId.of(zone),
                preferredChannels, quietHours(), optOuts(), homeExercise);
    }

    private String email(ContactCipher cipher) {
        return cipher.stored(keyId, ContactCipher.Field.EMAIL, key, emailCiphertext, legacyEmail)
                .orElseThrow(() -> new ContactCipher.Unreadable("no email ciphertext"));
    }

    private Optional<String> phone(ContactCipher cipher) {
        return cipher.stored(keyId, ContactCipher.Field.PHONE, key, phoneCiphertext, legacyPhone);
    }

    private Optional<QuietHours> quietHours() {
        return QuietHours.stored(quietHoursStart, quietHoursEnd);
    }

    private OptOuts optOuts() {
        return new OptOuts(optedOutChannels, optedOutKinds);
    }
}
