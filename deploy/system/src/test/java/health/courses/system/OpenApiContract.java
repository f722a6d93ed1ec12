package health.courses.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Contract test of every answer the system tests receive (registered once, as a global REST Assured filter, in
 * {@link SystemExtension}): the answering service's served OpenAPI document (/q/openapi, OpenAPI 3.1) must
 * document the path, the method, the status and the media type, and a JSON body must match the documented schema.
 * Strict: an object schema that does not say otherwise admits no member it does not describe (additionalProperties
 * is taken as false), so an answer carrying an undocumented field, or a null where the document does not allow
 * one, fails the test that received it.
 * <p>
 * The validator is networknt's json-schema-validator, with its OpenAPI 3.1 dialect: OpenAPI 3.1 schemas are JSON
 * Schema 2020-12, which Atlassian's swagger-request-validator and openapi4j (OpenAPI 3.0, draft 4/5 schemas) do
 * not read; the library is maintained and already validates the events here (EventsMatchTheContractTest). Matching
 * a request to its operation is the few lines below.
 */
final class OpenApiContract implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Operational endpoints and static assets are not part of the documented API. */
    private static final List<String> UNDOCUMENTED = List.of("/q/", "/asyncapi", "/check-in-assets/");

    private final SystemUnderTest system;
    private final Map<String, Document> documents = new ConcurrentHashMap<>();

    OpenApiContract(SystemUnderTest system) {
        this.system = system;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
            FilterContext context) {
        Response response = context.next(request, expected);
        URI uri = URI.create(request.getURI());
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        Optional<String> service = List.of(system.schedulingUrl(), system.notificationUrl()).stream()
                .filter(url -> stripSlash(url).equals(origin)).findFirst();
        // decoded, as the server routes it (a FHIR client may send $book-course as %24book-course)
        String path = uri.getPath();
        if (service.isEmpty() || UNDOCUMENTED.stream().anyMatch(path::startsWith)) {
            return response;
        }
        Document document = documents.computeIfAbsent(origin, Document::fetch);
        List<String> problems = document.check(request.getMethod(), path, response);
        if (!problems.isEmpty()) {
            throw new AssertionError("The answer to " + request.getMethod() + " " + path + " (" + response.statusCode()
                    + ") breaks " + origin + "/q/openapi: " + String.join("; ", problems));
        }
        return response;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** One service's served document, made strict, and the matchers of its path templates. */
    private record Document(URI uri, JsonNode root, JsonSchemaFactory schemas, List<Template> templates) {

        static Document fetch(String origin) {
            try {
                HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(origin + "/q/openapi?format=json")).header("Accept", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
                ObjectNode root = (ObjectNode) JSON.readTree(served.body());
                strict(root.path("components"));
                strict(root.path("paths"));
                URI uri = URI.create("https://contract.test/" + URI.create(origin).getPort() + "/openapi.json");
                String text = JSON.writeValueAsString(root);
                JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                        builder -> builder.metaSchema(OpenApi31.getInstance())
                                .defaultMetaSchemaIri(OpenApi31.getInstance().getIri())
                                .schemaLoaders(loaders -> loaders.schemas(Map.of(uri.toString(), text))));
                List<Template> templates = new ArrayList<>();
                root.path("paths").fieldNames().forEachRemaining(name -> templates.add(Template.of(name)));
                // A literal path wins over a template that would also match it (/courses/search vs /courses/{id}).
                templates.sort(Comparator.comparingInt(Template::parameters));
                return new Document(uri, root, schemas, List.copyOf(templates));
            } catch (Exception unreadable) {
                throw new IllegalStateException("Cannot read " + origin + "/q/openapi", unreadable);
            }
        }

        /** additionalProperties false on every object schema that lists its properties and says nothing else. */
        private static void strict(JsonNode node) {
            if (node instanceof ObjectNode object) {
                if (object.path("properties").isObject() && !object.has("additionalProperties")
                        && !object.has("unevaluatedProperties")) {
                    object.put("additionalProperties", false);
                }
                object.elements().forEachRemaining(Document::strict);
            } else if (node.isArray()) {
                node.elements().forEachRemaining(Document::strict);
            }
        }

        List<String> check(String method, String path, Response response) {
            Optional<Template> template = templates.stream().filter(candidate -> candidate.matches(path)).findFirst();
            if (template.isEmpty()) {
                return List.of("the path is not documented");
            }
            JsonNode operation = root.path("paths").path(template.get().name()).path(method.toLowerCase(Locale.ROOT));
            int status = response.statusCode();
            if (operation.isMissingNode()) {
                return status == 405 ? List.of() : List.of("no " + method + " is documented for " + template.get().name());
            }
            JsonNode responses = operation.path("responses");
            String code = String.valueOf(status);
            if (!responses.has(code)) {
                code = responses.has(status / 100 + "XX") ? status / 100 + "XX" : "default";
            }
            if (!responses.has(code)) {
                return List.of("status " + status + " is not documented (documented: " + names(responses) + ")");
            }
            String body = response.asString();
            if (body == null || body.isEmpty()) {
                return List.of();
            }
            JsonNode content = responses.path(code).path("content");
            String media = Optional.ofNullable(response.contentType()).orElse("").split(";")[0].strip()
                    .toLowerCase(Locale.ROOT);
            JsonNode described = content.path(media);
            if (described.isMissingNode()) {
                return List.of("a " + media + " body is not documented for " + status + " (documented: "
                        + names(content) + ")");
            }
            JsonNode schema = described.path("schema");
            if (schema.isMissingNode() || !(media.endsWith("json"))) {
                return List.of();
            }
            try {
                // The schema beside the document's components, so its "#/components/schemas/..." refs resolve.
                ObjectNode wrapper = JSON.createObjectNode();
                wrapper.set("components", root.path("components"));
                wrapper.putArray("allOf").add(schema);
                JsonSchema validator = schemas.getSchema(uri, wrapper, SchemaValidatorsConfig.builder().build());
                Set<ValidationMessage> errors = validator.validate(JSON.readTree(body));
                return errors.stream().map(ValidationMessage::getMessage).sorted().limit(10).collect(Collectors.toList());
            } catch (Exception unreadable) {
                return List.of("the body is not JSON: " + unreadable.getMessage());
            }
        }

        private static String names(JsonNode object) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            return String.join(", ", names);
        }
    }

    /** A path template such as /api/v1/courses/{id}, as a pattern of one segment per parameter. */
    private record Template(String name, Pattern pattern, int parameters) {

        static Template of(String name) {
            StringBuilder regex = new StringBuilder("^");
            int parameters = 0;
            for (String part : name.split("(?=\\{)|(?<=\\})")) {
                if (part.startsWith("{") && part.endsWith("}")) {
                    regex.append("[^/]+");
                    parameters++;
                } else {
                    regex.append(Pattern.quote(part));
                }
            }
            return new Template(name, Pattern.compile(regex.append("/?$").toString()), parameters);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
