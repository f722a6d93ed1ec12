package health.courses.benchmark;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One clinic set up through the API (so the clinic row, a patient with a fresh evaluation, a practitioner and a room
 * are exactly what the service writes), then copied in SQL into as many fresh patient/practitioner/room triples as
 * the run needs: each booking gets its own, so bookings never compete for a slot and every refusal is an error.
 */
final class Clinic {

    /** What one booking needs that nobody else uses. */
    record Fixture(UUID patient, UUID practitioner, UUID room) {
    }

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    final UUID id;
    final Api api;
    private final Db db;
    private final Fixture template;
    private final ConcurrentLinkedQueue<Fixture> fixtures = new ConcurrentLinkedQueue<>();

    private Clinic(UUID id, Api api, Db db, Fixture template) {
        this.id = id;
        this.api = api;
        this.db = db;
        this.template = template;
    }

    static Clinic setUp(Stack stack) throws Exception {
        UUID clinic = UUID.randomUUID();
        Api api = new Api(stack.scheduling().baseUrl(), stack.token(clinic.toString(), "booking", "clinician", "operator"));
        UUID patient = UUID.fromString(api.post("/api/v1/patients", """
                {"externalReference":"BENCH-0","zone":"Europe/Berlin","language":"en"}""").get("id").asText());
        api.post("/api/v1/patients/" + patient + "/evaluations", """
                {"date":"%s","clinician":"Dr. Bench","findings":["chronic-prostatitis"]}""".formatted(LocalDate.now(ZONE)));
        UUID practitioner = UUID.fromString(api.post("/api/v1/practitioners", "{\"name\":\"Practitioner\"}").get("id").asText());
        UUID room = UUID.fromString(api.post("/api/v1/rooms", "{\"name\":\"Room\"}").get("id").asText());
        return new Clinic(clinic, api, stack.db("scheduling"), new Fixture(patient, practitioner, room));
    }

    /** Copies the template patient (with its evaluation), practitioner and room {@code count} times. */
    void addFixtures(int count) {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            List<Map<String, Object>> patients = Db.query(connection, """
                    with p as (insert into patient (id, clinic_id, external_reference, zone, language)
                               select gen_random_uuid(), t.clinic_id, 'BENCH-' || gen_random_uuid(), t.zone, t.language
                                 from patient t, generate_series(1, ?) where t.id = ?
                               returning id, clinic_id),
                         e as (insert into evaluation (id, clinic_id, patient_id, evaluated_on, clinician, findings, recorded_by)
                               select gen_random_uuid(), p.clinic_id, p.id, t.evaluated_on, t.clinician, t.findings, t.recorded_by
                                 from p, evaluation t where t.patient_id = ?)
                    select id from p""", count, template.patient(), template.patient());
            List<Map<String, Object>> practitioners = Db.query(connection, """
                    insert into practitioner (id, clinic_id, name)
                    select gen_random_uuid(), t.clinic_id, t.name from practitioner t, generate_series(1, ?) where t.id = ?
                    returning id""", count, template.practitioner());
            List<Map<String, Object>> rooms = Db.query(connection, """
                    insert into room (id, clinic_id, name)
                    select gen_random_uuid(), t.clinic_id, t.name from room t, generate_series(1, ?) where t.id = ?
                    returning id""", count, template.room());
            connection.commit();
            for (int i = 0; i < count; i++) {
                fixtures.add(new Fixture((UUID) patients.get(i).get("id"), (UUID) practitioners.get(i).get("id"),
                        (UUID) rooms.get(i).get("id")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy booking fixtures", e);
        }
    }

    Fixture take() {
        Fixture fixture = fixtures.poll();
        while (fixture == null) {
            // only if the run outgrew its estimate: one thread pays for a batch, the figure says so by its max
            synchronized (this) {
                if (fixtures.isEmpty()) {
                    addFixtures(1_000);
                }
            }
            fixture = fixtures.poll();
        }
        return fixture;
    }

    /** 3 sessions a week for 4 weeks from next Monday at 10:00: 12 sessions, as the README's example books. */
    UUID book(Fixture fixture) throws Exception {
        LocalDate monday = LocalDate.now(ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        JsonNode course = api.post("/api/v1/courses", """
                {"patientId":"%s","practitionerId":"%s","roomId":"%s","startDate":"%s",\
                "sessionsPerWeek":3,"weeks":4,"localTime":"10:00"}""".formatted(fixture.patient(), fixture.practitioner(),
                fixture.room(), monday));
        return UUID.fromString(course.get("id").asText());
    }
}
