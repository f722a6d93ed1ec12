package health.courses.notification.contact;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.events.BatchSql;
import io.smallrye.mutiny.Uni;

/**
 * What planning reads of the patients' contacts: channels, zone, quiet hours and opt-outs of many patients in one
 * statement, in the consumer's transaction. No entity is loaded and no column holding an address is even selected:
 * a run of scheduled sessions plans from preferences, and only the dispatcher decrypts an address, for a message it
 * sends. The same rule as {@link PatientContact#preferences()}.
 */
@ApplicationScoped
public class PlanningPreferences {

    private static final String READ = """
            select c.clinic_id, c.patient_id, c.zone, c.preferred_channels, c.quiet_hours_start, c.quiet_hours_end,
                   c.opted_out_channels, c.opted_out_kinds
              from patient_contact c
              join unnest($1::uuid[], $2::uuid[]) as wanted (clinic_id, patient_id)
                   on c.clinic_id = wanted.clinic_id and c.patient_id = wanted.patient_id""";

    /** The preferences of these patients, by clinic and patient; a patient without a contact on file is absent. */
    public Uni<Map<ContactKey, ContactPreferences>> of(Collection<ContactKey> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<ContactKey> distinct = keys.stream().distinct().toList();
        UUID[] clinics = distinct.stream().map(ContactKey::clinicId).toArray(UUID[]::new);
        UUID[] patients = distinct.stream().map(ContactKey::patientId).toArray(UUID[]::new);
        return BatchSql.select(READ, clinics, patients).map(rows -> {
            Map<ContactKey, ContactPreferences> found = new HashMap<>();
            for (Object[] row : rows) {
                found.put(new ContactKey((UUID) row[0], (UUID) row[1]), preferences(row));
            }
            return found;
        });
    }

    private static ContactPreferences preferences(Object[] row) {
        return new ContactPreferences(ZoneId.of((String) row[2]), List.of((String[]) row[3]),
                QuietHours.stored((LocalTime) row[4], (LocalTime) row[5]),
                new OptOuts(List.of((String[]) row[6]), List.of((String[]) row[7])));
    }
}
