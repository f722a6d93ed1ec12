package health.courses.notification.settings;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The clinic's name and reply-to address as its settings say now, for the head of every mail. Read over the
 * reactive pool, not a Hibernate session: the dispatcher sends several mails at once, and one Hibernate Reactive
 * session must never be used by two of them at the same time.
 */
@ApplicationScoped
public class ClinicAddresses {

    private final Pool pool;

    ClinicAddresses(Pool pool) {
        this.pool = pool;
    }

    /** @param replyTo null when the clinic gave none (or has saved no settings: the defaults name none) */
    public record ClinicAddress(String clinicName, String replyTo) {
    }

    public Uni<ClinicAddress> of(UUID clinicId) {
        return pool.preparedQuery("select clinic_name, reply_to from clinic_settings where clinic_id = $1")
                .execute(Tuple.of(clinicId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return new ClinicAddress(NotificationSettings.DEFAULTS.clinicName(), null);
                    }
                    Row row = rows.iterator().next();
                    return new ClinicAddress(row.getString("clinic_name"), row.getString("reply_to"));
                });
    }
}
