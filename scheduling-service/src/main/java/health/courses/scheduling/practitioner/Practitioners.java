package health.courses.scheduling.practitioner;

import health.courses.scheduling.api.Cursor;
import health.courses.scheduling.api.Page;
import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.problem.ResourceNotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The clinic's practitioners: every session needs one. */
@ApplicationScoped
public class Practitioners {

    private final Clinics clinics;
    private final PractitionerRepository practitioners;

    private final AuditTrail audit;

    Practitioners(Clinics clinics, PractitionerRepository practitioners, AuditTrail audit) {
        this.clinics = clinics;
        this.practitioners = practitioners;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Practitioner> add(UUID clinicId, String name) {
        return clinics.current(clinicId).flatMap(clinic -> {
            Practitioner practitioner = new Practitioner();
            practitioner.id = UUID.randomUUID();
            practitioner.clinicId = clinicId;
            practitioner.name = name.strip();
            practitioner.version = 1;
            return practitioners.persist(practitioner);
        }).call(added -> audit.record("practitioner.created", "practitioner", added.id));
    }

    @WithSession
    public Uni<Practitioner> find(UUID clinicId, UUID id) {
        return practitioners.findInClinic(clinicId, id).onItem().ifNull().failWith(() -> new ResourceNotFound("practitioner", id));
    }

    @WithSession
    public Uni<Page<PractitionerView>> list(UUID clinicId, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor(), 2);
        return practitioners.pageInClinic(clinicId, after, page.fetchSize())
                .map(found -> Page.of(found, page, PractitionerView::of, last -> Cursor.encode(last.name, last.id.toString())));
    }
}
