package health.courses.notification.openapi;

import java.util.ArrayList;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document where annotations cannot (the same as scheduling-service's, the services share no
 * code): the error answers SmallRye adds by itself (401 and 403 for {@code @RolesAllowed}) get their Problem body,
 * an operation on a resource named by id documents its 404, and an {@code enum} on a list moves to its items.
 * <p>
 * Moves an {@code enum} written on a list field ({@code @Schema(enumeration = ...) List<String>}) to the list's
 * {@code items}, where it means "each value is one of": SmallRye puts it on the array itself, where no array could
 * ever match (smallrye-open-api#2158), and the MicroProfile annotations have no way to address the items.
 */
public class OpenApiFilter implements OASFilter {

    private static final String PROBLEM = "application/problem+json";

    /** Walked here rather than in filterSchema, which SmallRye does not call for every nested property schema. */
    private static void itemEnums(Schema schema) {
        if (schema == null) {
            return;
        }
        // A schema with items is an array, whatever its type list says at this point of SmallRye's build.
        if (schema.getItems() != null && schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            schema.getItems().setEnumeration(new ArrayList<>(schema.getEnumeration()));
            schema.setEnumeration(null);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(OpenApiFilter::itemEnums);
        }
        itemEnums(schema.getItems());
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OpenApiFilter::itemEnums);
        }
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            APIResponses responses = operation.getResponses();
            if (responses == null || responses.getAPIResponses() == null) {
                return;
            }
            // Every refusal is a problem: the 401/403 SmallRye adds for @RolesAllowed say nothing of their body.
            responses.getAPIResponses().forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    if (response.getContent() == null || response.getContent().getMediaTypes() == null
                            || response.getContent().getMediaTypes().isEmpty()) {
                        response.setContent(problem());
                    }
                }
            });
            // A resource named by id answers 404 when the caller's clinic has none (another clinic's id included).
            boolean secured = operation.getSecurity() == null || !operation.getSecurity().isEmpty();
            if (path.contains("{") && secured && !responses.hasAPIResponse("404")) {
                responses.addAPIResponse("404", OASFactory.createAPIResponse()
                        .description("No such resource in the caller's clinic").content(problem()));
            }
        }));
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(PROBLEM, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("#/components/schemas/Problem")));
    }
}
