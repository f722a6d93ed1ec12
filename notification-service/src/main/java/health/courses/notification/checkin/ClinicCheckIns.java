package health.courses.notification.checkin;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import health.courses.notification.clinic.CallerClinic;
import health.courses.notification.clinic.Roles;
import health.courses.notification.outbox.Outbox;
import health.courses.notification.patient.ClinicPatients;
import health.courses.notification.outbox.OutboxEntry;
import health.courses.notification.problem.InvalidCursor;
import health.courses.notification.problem.Problem;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A course's check-ins for its clinicians, newest first, keyset-paged like the notifications list. Scoped by the
 * token's clinic: another clinic's course, like an unknown one, is 404 (issue 19).
 */
@Path("/api/v1/courses/{courseId}/check-ins")
@Tag(name = "Check-ins")
@RolesAllowed(Roles.CLINICIAN)
@Produces(MediaType.APPLICATION_JSON)
public class ClinicCheckIns {

    private final CheckInRepository checkIns;
    private final Outbox outbox;
    private final CallerClinic clinic;
    private final ClinicPatients owners;

    ClinicCheckIns(CheckInRepository checkIns, Outbox outbox, CallerClinic clinic, ClinicPatients owners) {
        this.checkIns = checkIns;
        this.outbox = outbox;
        this.clinic = clinic;
        this.owners = owners;
    }

    @GET
    @Operation(summary = "A course's check-ins: answers, decisions with their rule version, escalations, unanswered")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = CheckInView.Page.class)))
    @APIResponse(responseCode = "400", description = "A limit out of range or a cursor that is not ours",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such course in the caller's clinic (another clinic's, or one "
            + "whose events this service has not read yet)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<CheckInView.Page> list(@PathParam("courseId") UUID courseId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit,
            @QueryParam("cursor") String cursor) {
        UUID clinicId = clinic.id();
        return owners.requireCourse(clinicId, courseId).chain(() -> Panache.withSession(() -> page(clinicId, courseId, limit, cursor).chain(found -> {
            List<CheckIn> page = found.size() > limit ? found.subList(0, limit) : found;
            String next = found.size() > limit ? encode(page.get(page.size() - 1)) : null;
            List<UUID> ids = page.stream().map(CheckIn::id).toList();
            Uni<List<AnswerRecord>> answers = ids.isEmpty() ? Uni.createFrom().item(List.of())
                    : Panache.getSession().chain(session -> session
                            .createSelectionQuery("from AnswerRecord where checkInId in :ids", AnswerRecord.class)
                            .setParameter("ids", ids).getResultList());
            return answers.chain(answered -> outbox.about(ids.stream().map(UUID::toString).toList())
                    .map(events -> new CheckInView.Page(view(page, answered, events), next)));
        })));
    }

    private Uni<List<CheckIn>> page(UUID clinicId, UUID courseId, int limit, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return checkIns.find("clinicId = ?1 and courseId = ?2 order by dueAt desc, id desc", clinicId, courseId)
                    .page(0, limit + 1).list();
        }
        String[] after = decode(cursor);
        OffsetDateTime dueAt;
        UUID id;
        try {
            dueAt = OffsetDateTime.parse(after[0]);
            id = UUID.fromString(after[1]);
        } catch (RuntimeException notOurs) {
            throw new InvalidCursor();
        }
        return checkIns.find("""
                clinicId = ?1 and courseId = ?2 and (dueAt < ?3 or (dueAt = ?3 and id < ?4))
                order by dueAt desc, id desc""", clinicId, courseId, dueAt, id).page(0, limit + 1).list();
    }

    private static List<CheckInView> view(List<CheckIn> page, List<AnswerRecord> answered, List<OutboxEntry> events) {
        Map<UUID, AnswerRecord> answers = answered.stream()
                .collect(Collectors.toMap(AnswerRecord::checkInId, Function.identity()));
        Map<String, List<CheckInView.EventView>> told = events.stream().collect(Collectors.groupingBy(
                OutboxEntry::subject, Collectors.mapping(event -> new CheckInView.EventView(event.type(),
                        event.occurredAt(), event.publishedAt()), Collectors.toList())));
        return page.stream().map(checkIn -> {
            AnswerRecord answer = answers.get(checkIn.id());
            return new CheckInView(checkIn.id(), checkIn.sessionId(), checkIn.dueAt(), checkIn.followUpAt(),
                    checkIn.status(), checkIn.answeredAt(),
                    checkIn.closedAt(),
                    answer == null ? null : answer.answer(),
                    answer == null ? null : CheckInView.DecisionView.of(answer.decision()),
                    told.getOrDefault(checkIn.id().toString(), List.of()));
        }).toList();
    }

    private static String encode(CheckIn last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.dueAt() + "|" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new InvalidCursor();
            }
            return parts;
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursor();
        }
    }
}
