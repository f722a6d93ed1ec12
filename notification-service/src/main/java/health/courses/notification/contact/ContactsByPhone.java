package health.courses.notification.contact;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.audit.AuditLog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The contacts an SMS reply comes from, found by the keyed hash of the sender's number ({@link PhoneLookup}), and the
 * SMS opt-out and opt-in a reply asks for. Nothing here is decrypted. Kept apart from {@link ContactService} (issue
 * 18), whose reads and writes are the clinic's; these are the patient's own, through their phone.
 */
@ApplicationScoped
public class ContactsByPhone {

    private final PhoneLookup phones;
    private final AuditLog audit;

    ContactsByPhone(PhoneLookup phones, AuditLog audit) {
        this.phones = phones;
        this.audit = audit;
    }

    /**
     * A patient of the clinic whose contact has the sender's number: what a reply to them needs, no address.
     *
     * @param language the language we write to them in ({@link Languages#SUPPORTED})
     */
    public record Sender(UUID patientId, String language, ZoneId zone, Optional<QuietHours> quietHours,
            boolean smsOptedOut) {
    }

    /**
     * Every contact of this clinic with this number, by patient id (one phone may serve a family). Joins the
     * caller's transaction. Empty for a number that is not E.164 or that no contact of the clinic has.
     */
    public Uni<List<Sender>> withNumber(UUID clinicId, String number) {
        byte[] lookup = phones.of(number);
        if (lookup == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.<Object[]> createNativeQuery("""
                select patient_id, language, zone, quiet_hours_start, quiet_hours_end,
                       'sms' = any(opted_out_channels)
                  from patient_contact
                 where clinic_id = :clinic and phone_lookup = :lookup
                 order by patient_id""", Object[].class)
                .setParameter("clinic", clinicId)
                .setParameter("lookup", lookup)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Sender((UUID) row[0], Languages.writtenIn(Languages.locale((String) row[1])),
                        ZoneId.of((String) row[2]),
                        row[3] == null || row[4] == null ? Optional.<QuietHours>empty()
                                : Optional.of(new QuietHours((LocalTime) row[3], (LocalTime) row[4])),
                        (Boolean) row[5])).toList());
    }

    /**
     * The phone's owner said STOP (true) or START (false): the channel {@code sms} is added to or removed from the
     * opt-outs of every contact of the clinic with that number, as carriers require of the number, audited as the
     * patient's own change. The version moves on, so a clinic's If-Match made before it fails rather than undoes it.
     */
    public Uni<Void> smsOptOut(UUID clinicId, List<UUID> patients, boolean optOut, OffsetDateTime now) {
        if (patients.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String change = optOut
                ? "opted_out_channels = array_append(opted_out_channels, 'sms') where not 'sms' = any(opted_out_channels)"
                : "opted_out_channels = array_remove(opted_out_channels, 'sms') where 'sms' = any(opted_out_channels)";
        return Panache.getSession().chain(session -> session.<UUID> createNativeQuery("""
                update patient_contact set version = version + 1, updated_at = :now, %s
                   and clinic_id = :clinic and patient_id in (:patients)
                returning patient_id""".formatted(change), UUID.class)
                .setParameter("now", now)
                .setParameter("clinic", clinicId)
                .setParameter("patients", patients)
                .getResultList())
                .chain(changed -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID patient : changed) {
                        chain = chain.chain(() -> audit.recordAs(clinicId, "sms-reply", "patient",
                                optOut ? "contact.sms-opted-out" : "contact.sms-opted-in", ContactService.RESOURCE,
                                patient.toString()));
                    }
                    return chain;
                });
    }
}
