package health.courses.scheduling.clinic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.IfMatch;
import health.courses.scheduling.problem.InvalidInput;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The caller's clinic, created with defaults the first time a clinic's token is seen. */
@ApplicationScoped
public class Clinics {

    private static final TypeReference<List<OpeningHours.Day>> DAYS = new TypeReference<>() {
    };

    private final ClinicRepository clinics;
    private final ObjectMapper json;
    private final AuditTrail audit;

    Clinics(ClinicRepository clinics, ObjectMapper json, AuditTrail audit) {
        this.clinics = clinics;
        this.json = json;
        this.audit = audit;
    }

    /** Joins the caller's transaction when there is one, so provisioning commits or rolls back with the change. */
    @WithTransaction
    public Uni<Clinic> current(UUID clinicId) {
        return clinics.findById(clinicId)
                .flatMap(found -> found != null
                        ? Uni.createFrom().item(found)
                        : clinics.provision(clinicId).flatMap(ignored -> clinics.findById(clinicId)));
    }

    /** Replaces the settings when {@code ifMatch} names the current version (or is absent). */
    @WithTransaction
    public Uni<Clinic> update(UUID clinicId, String ifMatch, ClinicSettings settings) {
        ZoneId zone = validate(settings);
        return current(clinicId).map(clinic -> {
            IfMatch.require(ifMatch, "clinic", clinic.version);
            clinic.name = settings.name().strip();
            clinic.zone = zone.getId();
            clinic.openingHours = write(settings.openingHours());
            clinic.minGapHours = settings.minGapHours() == null ? Clinic.DEFAULT_MIN_GAP_HOURS : settings.minGapHours();
            clinic.makeUpSessions = settings.makeUpSessions() == null || settings.makeUpSessions();
            return clinic;
        }).call(ignored -> clinics.flush())
                .call(clinic -> audit.record("clinic.updated", "clinic", clinicId));
    }

    public OpeningHours openingHours(Clinic clinic) {
        try {
            return new OpeningHours(json.readValue(clinic.openingHours, DAYS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Clinic " + clinic.id + " has unreadable opening hours", e);
        }
    }

    private static ZoneId validate(ClinicSettings settings) {
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(settings.zone().strip());
            if (zone instanceof ZoneOffset) {
                // A fixed offset has no daylight-saving rules: sessions would drift an hour twice a year.
                zone = null;
                errors.add(new FieldError("zone", "zone", "must be an IANA time zone such as Europe/Berlin, not an offset"));
            }
        } catch (DateTimeException e) {
            errors.add(new FieldError("zone", "zone", "must be an IANA time zone such as Europe/Berlin"));
        }
        Set<Object> weekdays = new HashSet<>();
        for (int i = 0; i < settings.openingHours().size(); i++) {
            OpeningHours.Day day = settings.openingHours().get(i);
            if (!weekdays.add(day.weekday())) {
                errors.add(new FieldError("openingHours[" + i + "].weekday", "unique", "lists a weekday twice"));
            }
            if (!day.closes().isAfter(day.opens())) {
                errors.add(new FieldError("openingHours[" + i + "].closes", "after-opens", "must be after opens"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return zone;
    }

    private String write(List<OpeningHours.Day> days) {
        try {
            return json.writeValueAsString(days);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Opening hours cannot be written as JSON", e);
        }
    }
}
