package health.courses.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, tenant isolation (OWASP API1, BOLA): walks every operation of both services' OpenAPI documents, read at
 * test time, so an endpoint added later is walked without anyone touching this test. Clinic A ({@link ClinicJourney})
 * owns one resource of every kind; clinic B holds every role and calls each operation with A's ids:
 * <ul>
 * <li>with a path id: 404 (or 403), and A's data is unchanged afterwards;</li>
 * <li>without one (lists, searches, creating calls): no id or value of A in the answer, and a creating or changing
 * call whose body or query names A's ids does not succeed;</li>
 * </ul>
 * and per operation: no token 401, A's own token without any of the operation's roles (its OpenAPI security
 * requirement) 403. A path parameter this test cannot fill fails it, naming the operation and the parameter.
 */
@SystemTest
class TenantIsolationTest {

    /** Operations without a token on purpose (issue 8: each a conscious choice). Health, metrics and the OpenAPI
     * documents are served outside the APIs and are not in the documents. */
    private static final Map<String, String> PUBLIC = Map.of(
            "notification GET /check-in/{token}", "the patient's check-in page: the unguessable link token is the key",
            "notification POST /check-in/{token}", "the page's form answer, keyed by the same link token",
            "notification POST /api/v1/check-ins/{token}", "the check-in answer as JSON, keyed by the same link token",
            "notification GET /unsubscribe/{token}", "a mail's one-click unsubscribe page (RFC 8058): the signed link is the key",
            "notification POST /unsubscribe/{token}", "the one-click unsubscribe itself, keyed by the same signed link",
            "notification POST /sms/inbound/{clinicId}", "the SMS provider's webhook (issue 18): the X-Twilio-Signature"
                    + " over URL and parameters under the clinic account's auth token is the key",
            "notification GET /session-reply/{token}", "a reminder mail's Confirm / another-time page: the signed link is the key",
            "notification POST /session-reply/{token}", "the Confirm / another-time button, keyed by the same signed link");

    /** Public documents that describe the service and name nothing of any clinic: answered to anyone, leak-checked. */
    private static final Map<String, String> PUBLIC_DOCUMENTS = Map.of(
            "scheduling GET /fhir/r4/metadata", "the FHIR CapabilityStatement, read by a FHIR client before it logs in",
            "notification GET /fhir/r4/metadata", "the FHIR CapabilityStatement, read by a FHIR client before it logs in");

    /**
     * Resources by id that are the same for every clinic and hold nothing of any: clinic B reads them too (200), and
     * the answer is still leak-checked. The check-in Questionnaire is the service's questions (in the caller's
     * clinic's languages), not a clinic's data.
     */
    private static final Map<String, String> SAME_FOR_EVERY_CLINIC = Map.of(
            "notification GET /fhir/r4/Questionnaire/{id}", "the check-in's questions, one Questionnaire per rules version");

    /** Which of A's ids a path parameter takes: by its name, or for {@code id} by the collection before it. */
    private static final Map<String, Function<ClinicJourney.Ids, String>> PATH_IDS = Map.of(
            "patientId", ClinicJourney.Ids::patient,
            "courseId", ClinicJourney.Ids::course,
            "sessionId", ids -> ids.sessions().get(1),
            "practitionerId", ClinicJourney.Ids::practitioner,
            "roomId", ClinicJourney.Ids::room,
            "closureId", ClinicJourney.Ids::closure,
            "checkInId", ClinicJourney.Ids::checkIn,
            "evaluationId", ClinicJourney.Ids::evaluation);
    private static final Map<String, Function<ClinicJourney.Ids, String>> COLLECTION_IDS = Map.ofEntries(
            Map.entry("patients", (Function<ClinicJourney.Ids, String>) ClinicJourney.Ids::patient),
            Map.entry("courses", ClinicJourney.Ids::course),
            Map.entry("sessions", (Function<ClinicJourney.Ids, String>) ids -> ids.sessions().get(1)),
            Map.entry("practitioners", ClinicJourney.Ids::practitioner),
            Map.entry("rooms", ClinicJourney.Ids::room),
            Map.entry("closures", ClinicJourney.Ids::closure),
            Map.entry("evaluations", ClinicJourney.Ids::evaluation),
            Map.entry("check-ins", ClinicJourney.Ids::checkIn),
            Map.entry("dead-letters", ClinicJourney.Ids::deadLetter),
            // the FHIR facade (issue 17): a resource's id is the REST API's id
            Map.entry("Patient", ClinicJourney.Ids::patient),
            Map.entry("Practitioner", ClinicJourney.Ids::practitioner),
            Map.entry("Location", ClinicJourney.Ids::room),
            Map.entry("ServiceRequest", ClinicJourney.Ids::course),
            Map.entry("Appointment", (Function<ClinicJourney.Ids, String>) ids -> ids.sessions().get(1)),
            // notification-service's facade: a QuestionnaireResponse is an answered check-in, by the check-in's id
            Map.entry("QuestionnaireResponse", ClinicJourney.Ids::checkIn),
            Map.entry("Questionnaire", (Function<ClinicJourney.Ids, String>) ids -> "check-in-1"));

    /** Query parameters worth filling: A's ids where they name a resource, dates around A's sessions. */
    private static final Map<String, Function<ClinicJourney, String>> QUERY = Map.ofEntries(
            Map.entry("patientId", (Function<ClinicJourney, String>) journey -> journey.ids().patient()),
            Map.entry("courseId", (Function<ClinicJourney, String>) journey -> journey.ids().course()),
            Map.entry("practitionerId", (Function<ClinicJourney, String>) journey -> journey.ids().practitioner()),
            Map.entry("roomId", (Function<ClinicJourney, String>) journey -> journey.ids().room()),
            Map.entry("resourceId", (Function<ClinicJourney, String>) journey -> journey.ids().course()),
            Map.entry("resourceType", (Function<ClinicJourney, String>) journey -> "course"),
            Map.entry("from", (Function<ClinicJourney, String>) journey -> LocalDate.now().minusDays(2).toString()),
            Map.entry("to", (Function<ClinicJourney, String>) journey -> LocalDate.now().plusDays(12).toString()),
            Map.entry("limit", (Function<ClinicJourney, String>) journey -> "100"),
            // FHIR searches name A's resources by reference
            Map.entry("patient", (Function<ClinicJourney, String>) journey -> "Patient/" + journey.ids().patient()),
            Map.entry("based-on", (Function<ClinicJourney, String>) journey -> "ServiceRequest/" + journey.ids().course()));

    /**
     * Valid bodies, so a call is refused by the clinic scoping and not by validation; {@code ${kind}} is one of A's
     * ids. Operations not listed get a body built from their schema's required properties.
     */
    private static final Map<String, String> BODIES = Map.ofEntries(
            Map.entry("PUT /api/v1/clinic", """
                    {"name":"Intruder clinic","zone":"Europe/Berlin",\
                    "openingHours":[{"weekday":"MONDAY","opens":"08:00","closes":"18:00"}]}"""),
            Map.entry("POST /api/v1/closures", "{\"date\":\"${inAMonth}\",\"reason\":\"intruder\"}"),
            Map.entry("POST /api/v1/courses", """
                    {"patientId":"${patient}","practitionerId":"${practitioner}","roomId":"${room}",\
                    "startDate":"${inAMonth}","sessionsPerWeek":2,"weeks":4,"localTime":"10:00"}"""),
            Map.entry("POST /api/v1/courses/{id}/cancel", "{\"reason\":\"intruder\"}"),
            Map.entry("POST /api/v1/courses/{id}/extend", "{\"weeks\":1,\"reason\":\"intruder\"}"),
            Map.entry("POST /api/v1/courses/{id}/hold", "{\"reason\":\"intruder\"}"),
            Map.entry("POST /api/v1/courses/{id}/resume", "{\"from\":\"${inAMonth}\",\"reason\":\"intruder\"}"),
            Map.entry("POST /api/v1/patients", """
                    {"externalReference":"INTRUDER-${random}","zone":"Europe/Berlin","language":"en"}"""),
            Map.entry("POST /api/v1/patients/{patientId}/evaluations", """
                    {"date":"${today}","clinician":"Dr. Intruder","findings":["congestion"]}"""),
            Map.entry("POST /api/v1/practitioners", "{\"name\":\"Intruder\"}"),
            Map.entry("POST /api/v1/rooms", "{\"name\":\"Intruder\"}"),
            Map.entry("POST /api/v1/sessions/{id}/cancel", "{\"by\":\"clinic\",\"reason\":\"intruder\"}"),
            Map.entry("POST /api/v1/sessions/{id}/complete", "{\"intensity\":1}"),
            Map.entry("POST /api/v1/sessions/{id}/missed", "{\"reason\":\"intruder\"}"),
            Map.entry("POST /api/v1/sessions/{id}/reschedule", "{\"start\":\"${inAMonth}T10:00\",\"reason\":\"intruder\"}"),
            Map.entry("PUT /api/v1/notification-settings", "{\"clinicName\":\"Intruder clinic\"}"),
            Map.entry("PUT /api/v1/patients/{patientId}/contact", "{\"email\":\"intruder@example.test\"}"),
            Map.entry("POST /fhir/r4/Patient", """
                    {"resourceType":"Patient","identifier":[{"value":"INTRUDER-${random}"}],\
                    "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/timezone","valueCode":"Europe/Berlin"}],\
                    "communication":[{"language":{"coding":[{"system":"urn:ietf:bcp:47","code":"en"}]}}]}"""),
            Map.entry("POST /fhir/r4/ServiceRequest/$book-course", """
                    {"resourceType":"Parameters","parameter":[{"name":"request","resource":{"resourceType":"ServiceRequest",\
                    "status":"active","intent":"order","subject":{"reference":"Patient/${patient}"},\
                    "performer":[{"reference":"Practitioner/${practitioner}"}],"locationReference":[{"reference":"Location/${room}"}],\
                    "occurrenceTiming":{"repeat":{"boundsPeriod":{"start":"${inAMonth}"},"count":8,"frequency":2,"period":1,\
                    "periodUnit":"wk","timeOfDay":["10:00:00"]}}}}]}"""),
            Map.entry("PUT /fhir/r4/Appointment/{id}", """
                    {"resourceType":"Appointment","status":"cancelled","participant":[{"status":"accepted"}]}"""));

    /** Reads that change by themselves (computed from the clock), left out of the unchanged-data comparison. */
    private static final Set<String> VOLATILE_READS = Set.of("scheduling GET /api/v1/availability");

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One operation of one service's document. */
    record Operation(String service, String baseUrl, String method, String path, JsonNode spec,
            Optional<List<String>> roles) {

        String key() {
            return service + " " + method + " " + path;
        }

        String route() {
            return method + " " + path;
        }
    }

    /** A request as sent, and the ids of A it carried (path, query or body). */
    record Call(String path, Map<String, String> query, String body, Set<String> idsSent) {
    }

    private int requests;
    /** What clinic B got from each operation, for the walk's summary. */
    private final Map<String, Integer> outcomes = new LinkedHashMap<>();

    @Test
    void everyOperationOfBothServicesIsScopedToTheCallersClinic(SystemUnderTest system) throws Exception {
        ClinicJourney a = ClinicJourney.of(system);
        String otherClinic = UUID.randomUUID().toString();
        String b = system.token(otherClinic, ClinicJourney.ALL_ROLES.toArray(String[]::new));
        List<Operation> operations = new ArrayList<>();
        operations.addAll(operations(system, "scheduling", system.schedulingUrl()));
        operations.addAll(operations(system, "notification", system.notificationUrl()));

        List<String> failures = new ArrayList<>();
        Map<String, String> before = snapshot(operations, a, failures);
        // Issue 18: the attendance report is walked like every read (from, to, practitionerId filled from QUERY); A's own
        // report must hold A's course, or clinic B's empty answer would prove nothing.
        assertTrue(before.entrySet().stream().anyMatch(read -> read.getKey().startsWith(
                "scheduling GET /api/v1/reports/attendance") && read.getValue().contains(a.ids().course())),
                "clinic A's attendance report names its course: " + before.keySet());
        for (Operation operation : operations) {
            if (PUBLIC_DOCUMENTS.containsKey(operation.key())) {
                Call call = new Call(operation.path(), Map.of(), null, Set.of());
                Response response = send(operation, call, Optional.empty());
                outcomes.put(operation.key(), response.statusCode());
                leaks(operation, call, response, a, failures);
            } else if (PUBLIC.containsKey(operation.key())) {
                walkPublic(operation, a, failures);
            } else if (operation.roles().map(List::isEmpty).orElse(true)) {
                failures.add(operation.key() + ": declares no roles (no security requirement naming them in the OpenAPI"
                        + " document) and is not listed in PUBLIC with a reason");
            } else {
                walk(operation, a, b, system, failures);
            }
        }
        Map<String, String> after = snapshot(operations, a, failures);
        before.forEach((read, body) -> {
            if (!body.equals(after.get(read))) {
                failures.add(read + ": clinic A's data changed during clinic B's walk:\nbefore " + body + "\nafter  "
                        + after.get(read));
            }
        });

        System.out.printf("tenant isolation walk: %d operations (%s), %d requests, %d failures%n", operations.size(),
                operations.stream().collect(Collectors.groupingBy(Operation::service, Collectors.counting())), requests,
                failures.size());
        operations.forEach(operation -> System.out.println("  walked " + operation.key()
                + operation.roles().map(roles -> " roles " + roles).orElse(" public") + " -> clinic B got "
                + outcomes.getOrDefault(operation.key(), 0)));
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
        assertTrue(operations.size() >= 40, "both documents were read: " + operations.size() + " operations");
    }

    private void walkPublic(Operation operation, ClinicJourney a, List<String> failures) {
        // A token nobody was given (and for the SMS webhook, clinic A's address without the provider's signature):
        // nothing found or done, and nothing of A's in the answer.
        Call call = new Call(operation.path().replace("{token}", "x".repeat(43)).replace("{clinicId}", a.clinicId()),
                Map.of(),
                operation.spec().has("requestBody") ? body(operation, a) : null, Set.of());
        Response response = send(operation, call, Optional.empty());
        if (response.statusCode() < 400) {
            failures.add(operation.key() + " with an unknown link token answered " + response.statusCode());
        }
        outcomes.put(operation.key(), response.statusCode());
        leaks(operation, call, response, a, failures);
    }

    private void walk(Operation operation, ClinicJourney a, String b, SystemUnderTest system, List<String> failures) {
        Optional<Call> filled = call(operation, a, failures);
        if (filled.isEmpty()) {
            return;
        }
        Call call = filled.get();

        int anonymous = send(operation, call, Optional.empty()).statusCode();
        if (anonymous != 401) {
            failures.add(operation.key() + " without a token answered " + anonymous + ", not 401");
        }
        List<String> roles = operation.roles().orElseThrow();
        String[] others = ClinicJourney.ALL_ROLES.stream().filter(role -> !roles.contains(role)).toArray(String[]::new);
        int roleless = send(operation, call, Optional.of(system.token(a.clinicId(), others))).statusCode();
        if (roleless != 403) {
            failures.add(operation.key() + " with clinic A's token holding only " + List.of(others) + " (it needs one of "
                    + roles + ") answered " + roleless + ", not 403");
        }

        Response response = send(operation, call, Optional.of(b));
        int status = response.statusCode();
        boolean pathIds = operation.path().contains("{");
        outcomes.put(operation.key(), status);
        // Issue 19 left no exceptions: notification-service learns every clinic's patients and courses from
        // scheduling's events (patient.registered.v1 among them) and answers another clinic's ids with 404 too.
        if (pathIds && status != 404 && status != 403 && !SAME_FOR_EVERY_CLINIC.containsKey(operation.key())) {
            failures.add(operation.key() + " with clinic B's token on clinic A's ids answered " + status
                    + ", not 404 or 403" + (status == 400 ? " (give it a valid body in BODIES so the request reaches the"
                            + " clinic scoping)" : "") + ": " + response.asString());
        } else if (!pathIds && !call.idsSent().isEmpty() && status < 300 && !"GET".equals(operation.method())) {
            failures.add(operation.key() + " with clinic B's token and clinic A's ids " + call.idsSent()
                    + " in its request succeeded (" + status + "): " + response.asString());
        }
        leaks(operation, call, response, a, failures);
    }

    /** No id or value of A in B's answer; ids B sent itself may be named back in a refusal. */
    private static void leaks(Operation operation, Call call, Response response, ClinicJourney a, List<String> failures) {
        // A FHIR searchset's self link repeats the search B sent (FHIR requires it): B's own words, not A's data.
        String body = response.asString().replaceAll("\\{\"relation\":\"self\",\"url\":\"[^\"]*\"}", "")
                + " " + response.getHeaders().toString();
        boolean echoes = response.statusCode() >= 300;
        for (String id : a.allIds()) {
            // a short id (a dead letter's partition-offset, e.g. 0-0) is also a piece of many UUIDs: match it as a value
            String needle = UUID_SHAPE.matcher(id).matches() || id.length() > 20 ? id : "\"" + id + "\"";
            if (body.contains(needle) && !(echoes && call.idsSent().contains(id))) {
                failures.add(operation.key() + " answered clinic B (" + response.statusCode() + ") with clinic A's id "
                        + id + ": " + response.asString());
            }
        }
        for (String value : a.values().clinicData()) {
            if (body.contains(value)) {
                failures.add(operation.key() + " answered clinic B (" + response.statusCode() + ") with clinic A's "
                        + "value \"" + value + "\": " + response.asString());
            }
        }
    }

    /** Path, query and body of a request on A's resources; empty (and a failure) for a parameter it cannot fill. */
    private static Optional<Call> call(Operation operation, ClinicJourney a, List<String> failures) {
        Set<String> sent = new LinkedHashSet<>();
        String path = operation.path();
        Map<String, String> query = new LinkedHashMap<>();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            String name = parameter.path("name").asText();
            String in = parameter.path("in").asText();
            if ("path".equals(in)) {
                Optional<String> id = pathId(path, name, a.ids());
                if (id.isEmpty()) {
                    failures.add(operation.key() + ": path parameter {" + name + "} is unknown to this test; add to "
                            + "TenantIsolationTest.PATH_IDS (or COLLECTION_IDS) which of clinic A's ids it takes");
                    return Optional.empty();
                }
                sent.add(id.get());
                path = path.replace("{" + name + "}", id.get());
            } else if ("query".equals(in)) {
                Function<ClinicJourney, String> known = QUERY.get(name);
                if (known != null) {
                    String value = known.apply(a);
                    query.put(name, value);
                    a.allIds().stream().filter(id -> value.equals(id) || value.endsWith("/" + id)).forEach(sent::add);
                } else if (parameter.path("required").asBoolean()) {
                    JsonNode example = parameter.has("example") ? parameter.get("example")
                            : parameter.path("schema").path("example");
                    if (example.isMissingNode()) {
                        failures.add(operation.key() + ": required query parameter " + name + " has no example; add "
                                + "it to TenantIsolationTest.QUERY");
                        return Optional.empty();
                    }
                    query.put(name, example.asText());
                }
            }
        }
        String body = operation.spec().has("requestBody") ? body(operation, a) : null;
        if (body != null) {
            a.allIds().stream().filter(body::contains).forEach(sent::add);
        }
        return Optional.of(new Call(path, query, body, sent));
    }

    private static Optional<String> pathId(String path, String name, ClinicJourney.Ids ids) {
        if (PATH_IDS.containsKey(name)) {
            return Optional.of(PATH_IDS.get(name).apply(ids));
        }
        if ("id".equals(name)) {
            String[] segments = path.substring(0, path.indexOf("{id}")).split("/");
            return Optional.ofNullable(COLLECTION_IDS.get(segments[segments.length - 1])).map(of -> of.apply(ids));
        }
        return Optional.empty();
    }

    private static String body(Operation operation, ClinicJourney a) {
        String template = BODIES.get(operation.route());
        if (template == null) {
            template = fromSchema(operation);
        }
        Map<String, String> values = Map.of("patient", a.ids().patient(), "practitioner", a.ids().practitioner(),
                "room", a.ids().room(), "course", a.ids().course(), "today", LocalDate.now().toString(),
                "inAMonth", LocalDate.now().plusDays(30).toString(), "random", UUID.randomUUID().toString());
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(filled, Matcher.quoteReplacement(values.getOrDefault(matcher.group(1), "")));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** An operation new to this test: its schema's required properties, ids taken from A where the name says which. */
    private static String fromSchema(Operation operation) {
        JsonNode content = operation.spec().path("requestBody").path("content");
        JsonNode schema = content.elements().hasNext() ? content.elements().next().path("schema") : JSON.nullNode();
        Map<String, Object> body = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        schema.path("properties").fields().forEachRemaining(property -> {
            String name = property.getKey();
            if (!required.contains(name) && !name.endsWith("Id")) {
                return;
            }
            JsonNode type = property.getValue();
            Object value = switch (type.path("type").asText()) {
                case "integer", "number" -> 1;
                case "boolean" -> false;
                case "array" -> List.of();
                default -> name.endsWith("Id") ? "${" + name.substring(0, name.length() - 2) + "}"
                        : type.has("enum") ? type.get("enum").get(0).asText() : "intruder";
            };
            body.put(name, value);
        });
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every GET of A's resources with A's own token, as it answers now. */
    private Map<String, String> snapshot(List<Operation> operations, ClinicJourney a, List<String> failures) {
        Map<String, String> reads = new LinkedHashMap<>();
        for (Operation operation : operations) {
            if (!"GET".equals(operation.method()) || PUBLIC.containsKey(operation.key())
                    || PUBLIC_DOCUMENTS.containsKey(operation.key())
                    || VOLATILE_READS.contains(operation.key())) {
                continue;
            }
            call(operation, a, new ArrayList<>()).ifPresent(call -> {
                Response response = send(operation, call, Optional.of(a.token()));
                // an iCalendar's DTSTAMP is the time it was generated, not data
                reads.put(operation.key() + " " + call.path(), response.statusCode() + " "
                        + response.asString().replaceAll("DTSTAMP:\\S+", "DTSTAMP"));
            });
        }
        return reads;
    }

    private Response send(Operation operation, Call call, Optional<String> token) {
        requests++;
        RequestSpecification request = given().baseUri(operation.baseUrl()).redirects().follow(false)
                .urlEncodingEnabled(true);
        token.ifPresent(value -> request.header("Authorization", "Bearer " + value));
        call.query().forEach(request::queryParam);
        if (call.body() != null) {
            JsonNode content = operation.spec().path("requestBody").path("content");
            String type = content.fieldNames().hasNext() ? content.fieldNames().next() : "application/json";
            request.contentType(type);
            request.body("application/x-www-form-urlencoded".equals(type) ? "pain=0" : call.body());
        }
        return request.request(operation.method(), call.path());
    }

    private List<Operation> operations(SystemUnderTest system, String service, String baseUrl) throws Exception {
        requests++;
        JsonNode document = JSON.readTree(given().baseUri(baseUrl).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<Operation> found = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(method -> {
                if (!List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    return;
                }
                JsonNode spec = method.getValue();
                JsonNode security = spec.has("security") ? spec.get("security") : document.path("security");
                Optional<List<String>> roles = Optional.empty();
                if (security.isArray() && !security.isEmpty()) {
                    List<String> named = new ArrayList<>();
                    security.forEach(requirement -> requirement.elements()
                            .forEachRemaining(scopes -> scopes.forEach(role -> named.add(role.asText()))));
                    roles = Optional.of(named);
                }
                found.add(new Operation(service, baseUrl, method.getKey().toUpperCase(), path.getKey(), spec, roles));
            });
        }
        assertEquals(false, found.isEmpty(), service + " documents operations");
        return found;
    }
}
