package health.courses.notification.settings;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SettingsRepository implements PanacheRepositoryBase<ClinicSettings, UUID> {
}
