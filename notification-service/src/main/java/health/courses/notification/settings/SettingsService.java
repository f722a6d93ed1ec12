package health.courses.notification.settings;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import health.courses.notification.audit.AuditLog;

import health.courses.notification.problem.PreconditionFailed;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SettingsService {

    private final SettingsRepository settings;
    private final AuditLog audit;

    private final Clock clock;

    SettingsService(SettingsRepository settings, AuditLog audit, Clock clock) {
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
    }

    /**
     * The clinic's settings, or the defaults while it has saved none. Joins the caller's session, so the
     * consumer reads them inside the transaction that plans from them.
     */
    @WithSession
    public Uni<NotificationSettings> of(UUID clinicId) {
        return settings.findById(clinicId)
                .map(found -> found == null ? NotificationSettings.DEFAULTS : found.view());
    }

    /** @param expectedVersion the version an {@code If-Match} named; the defaults count as version 0 */
    @WithTransaction
    @CacheInvalidate(cacheName = ClinicAddresses.CACHE)
    public Uni<NotificationSettings> put(@CacheKey UUID clinicId, SettingsDetails details, OptionalLong expectedVersion) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return settings.findById(clinicId).chain(existing -> {
            long current = existing == null ? 0 : existing.version();
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current) {
                return Uni.createFrom().failure(new PreconditionFailed(
                        "The settings are at version " + current + ", not " + expectedVersion.getAsLong()));
            }
            if (existing == null) {
                ClinicSettings created = ClinicSettings.create(clinicId, details, now);
                return settings.persistAndFlush(created).call(() -> audited(clinicId)).map(ClinicSettings::view);
            }
            existing.replace(details, now);
            return settings.flush().call(() -> audited(clinicId)).map(flushed -> existing.view());
        });
    }

    /** In the same transaction as the change; the clinic is the resource, there is one set of settings per clinic. */
    private Uni<Void> audited(UUID clinicId) {
        return audit.record(clinicId, "notification-settings.updated", "notification-settings", clinicId.toString());
    }
}
