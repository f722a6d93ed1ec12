package health.courses.scheduling.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the OpenAPI document where annotations cannot: the error answers SmallRye adds by itself (401 and 403
 * for {@code @RolesAllowed}) get their Problem body, and an operation on a resource named by id documents the 404
 * it answers for an id the caller's clinic does not have. The contract tests of deploy/system check both against
 * real answers. (notification-service has the same filter: the services share no code.)
 */
public class OpenApiFilter implements OASFilter {

    private static final String PROBLEM = "application/problem+json";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
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
