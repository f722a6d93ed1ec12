package health.courses.scheduling.support.hostile;

import static health.courses.scheduling.support.hostile.Gen.oneOf;
import static health.courses.scheduling.support.hostile.Gen.weight;
import static health.courses.scheduling.support.hostile.JsonObjects.mix;
import static health.courses.scheduling.support.hostile.JsonObjects.object;
import static health.courses.scheduling.support.hostile.JsonValues.dates;
import static health.courses.scheduling.support.hostile.JsonValues.findings;
import static health.courses.scheduling.support.hostile.JsonValues.numbers;
import static health.courses.scheduling.support.hostile.JsonValues.texts;
import static health.courses.scheduling.support.hostile.JsonValues.valid;

import health.courses.scheduling.support.TestClinic;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hostile requests at the booking flow: booking, patients, evaluations, session and course changes, the lists' query
 * parameters, and bodies that are not JSON objects at all. Ids in paths are the real ones most of the time, so the
 * request reaches the deeper checks.
 */
public final class HostileRequests {

    /** What the generated requests may legitimately refer to: one clinic's real ids, and another clinic's room. */
    public record Known(TestClinic clinic, LocalDate start, UUID practitioner, UUID room, UUID patient, UUID course,
            List<String> sessions, UUID foreignRoom) {
    }

    /** One request; kind says which change it would make if accepted, role which token it carries. */
    public record Hostile(String kind, String method, String path, String contentType, String body, String role) {
    }

    private HostileRequests() {
    }

    public static Gen<Hostile> requests(Known known) {
        return Gen.frequency(
                weight(30, booking(known)),
                weight(12, patient()),
                weight(12, evaluation(known)),
                weight(14, sessionChange(known)),
                weight(10, courseChange(known)),
                weight(12, query(known)),
                weight(10, rawBody(known)));
    }

    private static Gen<Hostile> booking(Known known) {
        Gen<String> ids = uuidish(known);
        Map<String, Gen<String>> fields = new LinkedHashMap<>();
        fields.put("patientId", mix(9, valid(known.patient().toString()), ids));
        fields.put("practitionerId", mix(9, valid(known.practitioner().toString()), ids));
        fields.put("roomId", mix(9, valid(known.room().toString()), ids));
        fields.put("startDate", mix(9, valid(known.start().plusWeeks(1).toString()), dates()));
        fields.put("sessionsPerWeek", mix(9, Gen.of("2", "3"), numbers()));
        fields.put("weeks", mix(9, Gen.of("4", "8"), numbers()));
        fields.put("localTime", mix(9, Gen.of("\"10:00\"", "\"11:00\"", "\"14:30\"", "\"16:45\""), JsonValues.times()));
        fields.put("weekdays", mix(9, Gen.of("[\"MONDAY\",\"WEDNESDAY\",\"FRIDAY\"]", "null"), JsonValues.weekdays()));
        fields.put("sessionMinutes", mix(9, Gen.of("30", "45"), numbers()));
        return object(fields).map(body -> new Hostile("book", "POST", "api/v1/courses", "application/json", body, "booking"));
    }

    private static Gen<Hostile> patient() {
        Map<String, Gen<String>> fields = new LinkedHashMap<>();
        fields.put("externalReference", mix(3, draw -> JsonValues.quoted(draw.chars(1, 30, Alphabet.ALPHANUMERIC)), texts()));
        fields.put("zone", mix(3, valid("Europe/Berlin"), JsonValues.zones()));
        fields.put("language", mix(3, valid("de"), texts()));
        return object(fields).map(body -> new Hostile("patient", "POST", "api/v1/patients", "application/json", body,
                "booking"));
    }

    private static Gen<Hostile> evaluation(Known known) {
        Map<String, Gen<String>> fields = new LinkedHashMap<>();
        fields.put("date", mix(3, valid(known.start().minusDays(7).toString()), dates()));
        fields.put("clinician", mix(3, valid("Dr. Weber"), texts()));
        fields.put("findings", mix(3, Gen.of("[\"chronic-prostatitis\"]", "[]"), findings()));
        Gen<String> body = object(fields);
        Gen<String> patient = segment(known.patient().toString());
        return draw -> new Hostile("evaluation", "POST", "api/v1/patients/" + patient.next(draw) + "/evaluations",
                "application/json", body.next(draw), "clinician");
    }

    private static Gen<Hostile> sessionChange(Known known) {
        Map<String, Gen<String>> fields = new LinkedHashMap<>();
        fields.put("start", mix(3, valid("2027-05-10T11:30"), oneOf(dates(), texts(), numbers(),
                Gen.of("\"2027-05-10T11:30:00+99:00\"", "\"+999999999-12-31T23:59:59\"", "\"2027-05-10T25:00\"",
                        "\"-999999999-01-01T00:00:00Z\"", "\"2027-05-10T11:30:00Z[Mars/Olympus]\"", "\"2027-05-10\""))));
        fields.put("reason", mix(3, valid("patient-request"), texts()));
        fields.put("by", mix(3, Gen.of("\"clinic\"", "\"patient\""), texts()));
        fields.put("intensity", mix(3, Gen.just("2"), numbers()));
        fields.put("toleranceNote", mix(3, valid("fine"), texts()));
        Gen<String> body = object(fields);
        Gen<String> change = Gen.of("reschedule", "cancel", "missed", "complete");
        List<Gen<String>> sessions = known.sessions().stream().map(HostileRequests::segment).toList();
        return draw -> new Hostile("session", "POST", "api/v1/sessions/" + draw.pick(sessions).next(draw) + "/"
                + change.next(draw), "application/json", body.next(draw), "both");
    }

    private static Gen<Hostile> courseChange(Known known) {
        Map<String, Gen<String>> fields = new LinkedHashMap<>();
        fields.put("reason", mix(2, valid("slow-response"), texts()));
        fields.put("weeks", mix(2, Gen.of("1", "2"), numbers()));
        fields.put("from", mix(2, valid(known.start().plusWeeks(8).toString()), dates()));
        Gen<String> body = object(fields);
        Gen<String> change = Gen.of("hold", "resume", "extend", "cancel");
        Gen<String> course = segment(known.course().toString());
        return draw -> new Hostile("course", "POST", "api/v1/courses/" + course.next(draw) + "/" + change.next(draw),
                "application/json", body.next(draw), "clinician");
    }

    private static Gen<Hostile> query(Known known) {
        Gen<String> value = oneOf(texts(), numbers(), dates(), uuidish(known), JsonValues.cursors(),
                Gen.of("101", "100", "0", "-1", "abc", "99999999999", "scheduled", "held"))
                .map(JsonValues::unquote)
                // The HTTP codec refuses a request line over 4 KiB (414) before any handler of ours runs.
                .map(text -> text.length() > 200 ? text.substring(0, 200) : text)
                .map(JsonValues::urlEncoded);
        Gen<String> list = Gen.of("api/v1/courses", "api/v1/sessions", "api/v1/availability",
                "api/v1/practitioners", "api/v1/rooms", "api/v1/closures", "api/v1/audit",
                "api/v1/patients/" + known.patient() + "/evaluations");
        Gen<String> name = Gen.of("limit", "cursor", "status", "patientId", "from", "to", "practitionerId",
                "roomId", "sessionsPerWeek", "weeks", "weekdays", "sessionMinutes", "resourceType", "resourceId");
        Gen<String> parameters = Gen.joined(draw -> name.next(draw) + "=" + value.next(draw), 1, 5, "&", "", "");
        return draw -> new Hostile("query", "GET", list.next(draw) + "?" + parameters.next(draw), null, null, "both");
    }

    /** Bodies that are not JSON objects at all, or not JSON, at every creating endpoint. */
    private static Gen<Hostile> rawBody(Known known) {
        Gen<String> body = oneOf(
                Gen.of("", "null", "[]", "{}", "{", "}", "{\"a\":", "\"text\"", "42", "true", "\uFEFF{}",
                        "{\"patientId\": }", "{,}", "{'single': 'quotes'}", "{\"a\":1}{\"b\":2}", "NaN", "[{}]"),
                JsonValues.nesting(), draw -> draw.chars(0, 200, Alphabet.ANY), texts());
        Gen<String> target = Gen.of("api/v1/courses", "api/v1/patients",
                "api/v1/patients/" + known.patient() + "/evaluations", "api/v1/sessions/" + known.sessions().get(0) + "/cancel",
                "api/v1/courses/" + known.course() + "/extend");
        Gen<String> contentType = Gen.of("application/json", "application/json", "application/json",
                "text/plain", "application/xml", "application/json; charset=utf-16");
        return draw -> new Hostile("raw", "POST", target.next(draw), contentType.next(draw), body.next(draw), "both");
    }

    private static Gen<String> uuidish(Known known) {
        return JsonValues.uuidish(List.of(known.foreignRoom(), known.course()));
    }

    /** A path segment: the real id most of the time, else something hostile, URL-encoded. */
    private static Gen<String> segment(String real) {
        Gen<String> hostile = oneOf(texts(), numbers(), draw -> JsonValues.quoted(draw.chars(0, 300, Alphabet.MIXED)),
                draw -> JsonValues.quoted(draw.uuid().toString()))
                .map(JsonValues::unquote)
                .map(text -> text.length() > 100 ? text.substring(0, 100) : text)
                .map(text -> text.isEmpty() ? "%20" : JsonValues.urlEncoded(text));
        return Gen.frequency(weight(6, Gen.just(real)), weight(4, hostile));
    }
}
