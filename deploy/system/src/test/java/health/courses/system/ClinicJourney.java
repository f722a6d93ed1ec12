package health.courses.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import health.courses.localstack.ReceivedMail;
import health.courses.localstack.Topics;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One clinic's whole patient journey, with values found nowhere else: its clinic, staff, rooms and closure, a patient
 * with a contact (email, phone), an evaluation with findings, a course whose first session is completed with a
 * tolerance note, a reminder and a check-in sent by mail, the check-in answered urgently with a note (the course is
 * held), and a poison event naming the clinic that ends in the dead-letter topic. Run once per test JVM and shared:
 * the tenant isolation walk attacks it with another clinic's token, the leak scan looks for its values everywhere.
 */
record ClinicJourney(String clinicId, String token, Ids ids, Values values) {

    /** Every id of the clinic's resources, by kind. */
    record Ids(String patient, String evaluation, String practitioner, String room, String closure, String course,
            List<String> sessions, String checkIn, String checkInToken, String deadLetter) {
    }

    /**
     * The values the journey used. {@code patientData} must never leave the APIs of the clinic that owns it (no topic,
     * no log); {@code clinicData} must never reach another clinic.
     */
    record Values(String email, String phone, String externalReference, String toleranceNote, String checkInNote,
            List<String> answerForms, List<String> findings, String clinicName, String practitionerName,
            String roomName, String closureReason, String clinician) {

        List<String> patientData() {
            return Stream.concat(Stream.of(email, phone, externalReference, toleranceNote, checkInNote),
                    answerForms.stream()).toList();
        }

        List<String> clinicData() {
            return Stream.concat(patientData().stream(),
                    Stream.of(clinicName, practitionerName, roomName, closureReason, clinician)).toList();
        }
    }

    /** The ce_source of the poison record, so that checks of what scheduling-service published can leave it out. */
    static final String POISON_SOURCE = "/system-test/poison";
    static final List<String> ALL_ROLES = List.of("booking", "clinician", "operator");
    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+/check-in/([A-Za-z0-9_-]{43})");
    private static final Duration PATIENCE = Duration.ofSeconds(45);
    /** A zone where it is daytime now, so the check-in (outside the patient's quiet hours) goes out at once. */
    private static final List<ZoneId> ZONES = Stream.of("Pacific/Honolulu", "America/Los_Angeles", "America/New_York",
            "America/Sao_Paulo", "Atlantic/Azores", "Europe/Berlin", "Asia/Dubai", "Asia/Kolkata", "Asia/Bangkok",
            "Asia/Tokyo", "Pacific/Auckland").map(ZoneId::of).toList();

    private static ClinicJourney shared;
    private static RuntimeException failed;

    /** The journey, run on first use; a failure fails every test that needs it, without running it again. */
    static synchronized ClinicJourney of(SystemUnderTest system) {
        if (failed != null) {
            throw new IllegalStateException("the clinic journey failed before: " + failed.getMessage(), failed);
        }
        if (shared == null) {
            try {
                shared = run(system);
            } catch (RuntimeException | AssertionError e) {
                failed = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
                throw e;
            }
        }
        return shared;
    }

    List<String> allIds() {
        return Stream.concat(Stream.of(clinicId, ids.patient(), ids.evaluation(), ids.practitioner(), ids.room(),
                ids.closure(), ids.course(), ids.checkIn(), ids.checkInToken(), ids.deadLetter()),
                ids.sessions().stream()).toList();
    }

    private static ClinicJourney run(SystemUnderTest system) {
        ZoneId zone = ZONES.stream()
                .filter(candidate -> {
                    LocalTime local = ZonedDateTime.now(candidate).toLocalTime();
                    return local.isAfter(LocalTime.of(9, 0)) && local.isBefore(LocalTime.of(19, 0));
                })
                .findFirst().orElseThrow();
        String clinicId = UUID.randomUUID().toString();
        String token = system.token(clinicId, ALL_ROLES.toArray(String[]::new));
        String unique = UUID.randomUUID().toString().substring(0, 8);
        Values values = new Values("journey-" + unique + "@example.test",
                "+4930" + (100_000_000 + ThreadLocalRandom.current().nextInt(900_000_000)),
                "MRN-" + unique, "tolerance-note-" + unique + " slight burning afterwards",
                "checkin-note-" + unique + " blood in the urine since yesterday",
                List.of("\"urination\":\"unable\"", "urination=unable", "\"painSites\":[\"perineum\"]"),
                List.of("chronic-prostatitis", "congestion"), "Praxis " + unique, "Practitioner " + unique,
                "Room " + unique, "Closure " + unique, "Dr. " + unique);
        ZonedDateTime now = ZonedDateTime.now(zone);
        // Today's first session is booked half an hour ahead (a start before now is refused), then time passes: it
        // started 11 minutes ago and lasted 10 (completed now, its check-in due at once). The second is three days
        // ahead, and one reminder offset puts its reminder 15 s from now: late enough that the booking's events have
        // reached notification-service (a reminder planned after its time is skipped as past-due).
        LocalTime booked = now.toLocalTime().truncatedTo(ChronoUnit.MINUTES).plusMinutes(30);
        DayOfWeek today = now.getDayOfWeek();
        ZonedDateTime second = ZonedDateTime.of(now.toLocalDate().plusDays(3), booked, zone);
        Duration soon = Duration.between(Instant.now().plusSeconds(15), second.toInstant()).truncatedTo(ChronoUnit.SECONDS);

        String scheduling = system.schedulingUrl();
        String notification = system.notificationUrl();
        String etag = given().baseUri(scheduling).auth().oauth2(token).get("/api/v1/clinic")
                .then().statusCode(200).extract().header("ETag");
        var clinic = given().baseUri(scheduling).auth().oauth2(token).contentType(ContentType.JSON);
        if (etag != null) {
            clinic.header("If-Match", etag);
        }
        clinic.body(Map.of("name", values.clinicName(), "zone", zone.getId(), "minGapHours", 44,
                        "openingHours", Stream.of(DayOfWeek.values())
                                .map(day -> Map.of("weekday", day.name(), "opens", "00:00", "closes", "23:59")).toList()))
                .put("/api/v1/clinic").then().statusCode(200);
        given().baseUri(notification).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("clinicName", values.clinicName(), "reminderOffsets", List.of("PT24H", soon.toString()),
                        "checkIn", Map.of("after", "PT1S"), "followUpDelay", "PT1H"))
                .put("/api/v1/notification-settings").then().statusCode(anyOf(is(200), is(201)));

        String practitioner = created(scheduling, token, "/api/v1/practitioners", Map.of("name", values.practitionerName()));
        String room = created(scheduling, token, "/api/v1/rooms", Map.of("name", values.roomName()));
        String closure = created(scheduling, token, "/api/v1/closures",
                Map.of("date", now.toLocalDate().plusDays(1).toString(), "reason", values.closureReason()));
        String patient = created(scheduling, token, "/api/v1/patients",
                Map.of("externalReference", values.externalReference(), "zone", zone.getId(), "language", "en"));
        String evaluation = created(scheduling, token, "/api/v1/patients/" + patient + "/evaluations",
                Map.of("date", now.toLocalDate().toString(), "clinician", values.clinician(),
                        "findings", values.findings()));
        given().baseUri(notification).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("email", values.email(), "phone", values.phone(), "language", "en", "zone", zone.getId()))
                .put("/api/v1/patients/{patientId}/contact", patient)
                .then().statusCode(anyOf(is(200), is(201)));

        JsonPath course = given().baseUri(scheduling).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("patientId", patient, "practitionerId", practitioner, "roomId", room,
                        "startDate", now.toLocalDate().toString(), "sessionsPerWeek", 2, "weeks", 4,
                        "weekdays", List.of(today.name(), today.plus(3).name()),
                        "localTime", booked.toString(), "sessionMinutes", 10))
                .post("/api/v1/courses").then().statusCode(201).extract().jsonPath();
        String courseId = course.getString("id");
        List<String> sessions = course.getList("sessions.id", String.class);
        TimePasses.sessionEndedAMinuteAgo(system.jdbcUrl(), sessions.get(0), zone);
        given().baseUri(scheduling).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("intensity", 2, "toleranceNote", values.toleranceNote()))
                .post("/api/v1/sessions/{id}/complete", sessions.get(0)).then().statusCode(200);

        // The reminder of the second session and the first session's check-in both reach the patient by mail.
        List<ReceivedMail> mails = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> system.mailbox(values.email()), received -> checkInToken(received).isPresent()
                        && received.stream().anyMatch(mail -> mail.subject().toLowerCase().contains("reminder")));
        String checkInToken = checkInToken(mails).orElseThrow();
        given().baseUri(notification).contentType(ContentType.JSON)
                .body(Map.of("pain", 7, "painSites", List.of("perineum"), "urination", "unable",
                        "erectileDifficulty", false, "irritation", false, "note", values.checkInNote()))
                .post("/api/v1/check-ins/{token}", checkInToken).then().statusCode(200);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> given().baseUri(scheduling).auth().oauth2(token).get("/api/v1/courses/{id}", courseId)
                        .then().statusCode(200).extract().jsonPath().getString("status"), "held"::equals);
        String checkIn = given().baseUri(notification).auth().oauth2(token)
                .get("/api/v1/courses/{courseId}/check-ins", courseId)
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");

        String deadLetter = poison(system, token, clinicId, courseId, patient);
        Ids ids = new Ids(patient, evaluation, practitioner, room, closure, courseId, sessions, checkIn, checkInToken,
                deadLetter);
        return new ClinicJourney(clinicId, token, ids, values);
    }

    /** A course event without a type, naming the clinic: the consumer dead-letters it; the id operators see. */
    private static String poison(SystemUnderTest system, String token, String clinicId, String courseId,
            String patientId) {
        String data = """
                {"clinicId":"%s","courseId":"%s","patientId":"%s","status":"scheduled","version":99}"""
                .formatted(clinicId, courseId, patientId);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("treatment-course-events", courseId,
                data.getBytes(StandardCharsets.UTF_8));
        Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source", POISON_SOURCE,
                "ce_time", Instant.now().toString(), "ce_subject", courseId, "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        Topics.sendBytes(system.kafkaBootstrapServers(), record);
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(300))
                .until(() -> given().baseUri(system.notificationUrl()).auth().oauth2(token)
                        .get("/api/v1/ops/dead-letters").then().statusCode(200).extract().jsonPath()
                        .getList("items", Map.class).stream()
                        .filter(letter -> courseId.equals(letter.get("key")))
                        .map(letter -> String.valueOf(letter.get("id")))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private static String created(String baseUrl, String token, String path, Map<String, ?> body) {
        return given().baseUri(baseUrl).auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post(path).then().statusCode(201).extract().jsonPath().getString("id");
    }

    private static Optional<String> checkInToken(List<ReceivedMail> mails) {
        for (ReceivedMail mail : mails) {
            Matcher matcher = LINK.matcher(mail.text() == null ? "" : mail.text());
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
