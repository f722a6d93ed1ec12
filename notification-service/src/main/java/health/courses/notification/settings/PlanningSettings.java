package health.courses.notification.settings;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.contact.QuietHours;
import health.courses.notification.events.BatchSql;
import io.smallrye.mutiny.Uni;

/**
 * The settings of many clinics in one statement, in the consumer's transaction, with no entity loaded: what a run of
 * consumed events plans from. The same view as {@link ClinicSettings#view()}, the defaults for a clinic that saved none.
 */
@ApplicationScoped
public class PlanningSettings {

    private static final String READ = """
            select clinic_id, clinic_name, reminder_offsets, quiet_hours_start, quiet_hours_end, check_in_at,
                   check_in_after, follow_up_delay, languages, version, updated_at, reply_to
              from clinic_settings where clinic_id = any($1::uuid[])""";

    /** Every clinic asked for: its saved settings, or the defaults. */
    public Uni<Map<UUID, NotificationSettings>> of(Collection<UUID> clinicIds) {
        if (clinicIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return BatchSql.select(READ, (Object) clinicIds.stream().distinct().toArray(UUID[]::new)).map(rows -> {
            Map<UUID, NotificationSettings> found = new HashMap<>();
            for (UUID clinicId : clinicIds) {
                found.put(clinicId, NotificationSettings.DEFAULTS);
            }
            for (Object[] row : rows) {
                found.put((UUID) row[0], settings(row));
            }
            return found;
        });
    }

    private static NotificationSettings settings(Object[] row) {
        // as ClinicSettings.view(): Hibernate counts a saved row's version from 0, clients from 1
        return new NotificationSettings((String) row[1], List.of((String[]) row[2]),
                new QuietHours((LocalTime) row[3], (LocalTime) row[4]),
                new CheckInTiming((LocalTime) row[5], (String) row[6]), (String) row[7], List.of((String[]) row[8]),
                ((Number) row[9]).longValue() + 1, (OffsetDateTime) row[10], (String) row[11]);
    }
}
