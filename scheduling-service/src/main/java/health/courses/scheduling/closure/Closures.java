package health.courses.scheduling.closure;

import health.courses.scheduling.api.Cursor;
import health.courses.scheduling.api.Page;
import health.courses.scheduling.api.PageRequest;
import health.courses.scheduling.audit.AuditTrail;
import health.courses.scheduling.clinic.Clinics;
import health.courses.scheduling.problem.FieldError;
import health.courses.scheduling.problem.InvalidInput;
import health.courses.scheduling.problem.ResourceNotFound;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Holidays and other days the clinic is closed. Booked sessions are not moved by a new closure. */
@ApplicationScoped
public class Closures {

    /** A year at most: longer "closures" are almost always a typo in the year. */
    static final long MAX_DAYS = 366;

    private final Clinics clinics;
    private final ClosureRepository closures;

    private final AuditTrail audit;

    Closures(Clinics clinics, ClosureRepository closures, AuditTrail audit) {
        this.clinics = clinics;
        this.closures = closures;
        this.audit = audit;
    }

    @WithTransaction
    public Uni<Closure> add(UUID clinicId, NewClosure request) {
        validate(request);
        Closure closure = new Closure();
        closure.id = UUID.randomUUID();
        closure.clinicId = clinicId;
        closure.firstDay = request.date() != null ? request.date() : request.from();
        closure.lastDay = request.date() != null ? request.date() : request.to();
        closure.reason = request.reason() == null ? null : request.reason().strip();
        closure.version = 1;
        return clinics.current(clinicId).flatMap(clinic -> closures.persist(closure))
                .call(added -> audit.record("closure.created", "closure", added.id));
    }

    @WithTransaction
    public Uni<Void> remove(UUID clinicId, UUID id) {
        return closures.findInClinic(clinicId, id)
                .onItem().ifNull().failWith(() -> new ResourceNotFound("closure", id))
                .flatMap(closures::delete)
                .call(deleted -> audit.record("closure.deleted", "closure", id));
    }

    @WithSession
    public Uni<Page<ClosureView>> list(UUID clinicId, PageRequest page) {
        Cursor after = Cursor.decode(page.cursor(), 2);
        return closures.pageInClinic(clinicId, after, page.fetchSize())
                .map(found -> Page.of(found, page, ClosureView::of,
                        last -> Cursor.encode(last.firstDay.toString(), last.id.toString())));
    }

    /** Joins the caller's session: the booking reads closures in its own transaction. */
    public Uni<ClosedDays> between(UUID clinicId, LocalDate from, LocalDate to) {
        return closures.overlapping(clinicId, from, to).map(ClosedDays::new);
    }

    private static void validate(NewClosure request) {
        boolean single = request.date() != null;
        boolean range = request.from() != null || request.to() != null;
        if (single == range) {
            throw new InvalidInput("date", "one-of", "send either date, or from and to");
        }
        if (range && (request.from() == null || request.to() == null)) {
            throw new InvalidInput(List.of(new FieldError(request.from() == null ? "from" : "to", "not-null",
                    "a range needs both from and to")));
        }
        if (range && request.to().isBefore(request.from())) {
            throw new InvalidInput("to", "after-from", "must be on or after from");
        }
        if (range && ChronoUnit.DAYS.between(request.from(), request.to()) >= MAX_DAYS) {
            throw new InvalidInput("to", "range", "a closure spans at most " + MAX_DAYS + " days");
        }
    }
}
