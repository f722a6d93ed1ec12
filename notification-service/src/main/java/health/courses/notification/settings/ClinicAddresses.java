package health.courses.notification.settings;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The clinic's name and reply-to address as its settings say, for the head of every mail. Read over the
 * reactive pool, not a Hibernate session: the dispatcher sends several mails at once, and one Hibernate Reactive
 * session must never be used by two of them at the same time. Kept a few seconds ({@code clinic-addresses} cache):
 * a drain sends hundreds of mails a second for a handful of clinics, and one read per mail was a round trip per
 * send; a saved change reaches this replica's mails at once ({@link SettingsService#put}) and the other replicas'
 * within the cache's expiry.
 */
@ApplicationScoped
public class ClinicAddresses {

    static final String CACHE = "clinic-addresses";

    private final Pool pool;

    ClinicAddresses(Pool pool) {
        this.pool = pool;
    }

    /** @param replyTo null when the clinic gave none (or has saved no settings: the defaults name none) */
    public record ClinicAddress(String clinicName, String replyTo) {
    }

    @CacheResult(cacheName = CACHE)
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
