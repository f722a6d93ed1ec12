package health.courses.scheduling.fhir;

import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.Resource;

/** Bundles of resources with absolute fullUrls, as R4 asks (a fullUrl is the resource's URL on this server). */
final class FhirBundles {

    private FhirBundles() {
    }

    static Bundle collection(UriInfo uri, List<? extends Resource> resources) {
        Bundle bundle = new Bundle().setType(BundleType.COLLECTION);
        resources.forEach(resource -> bundle.addEntry().setFullUrl(url(uri, resource)).setResource(resource));
        return bundle;
    }

    static Bundle searchset(UriInfo uri, List<? extends Resource> resources) {
        Bundle bundle = new Bundle().setType(BundleType.SEARCHSET).setTotal(resources.size());
        bundle.addLink().setRelation("self").setUrl(uri.getRequestUri().toString());
        resources.forEach(resource -> bundle.addEntry().setFullUrl(url(uri, resource)).setResource(resource)
                .getSearch().setMode(SearchEntryMode.MATCH));
        return bundle;
    }

    private static String url(UriInfo uri, Resource resource) {
        return uri.getBaseUriBuilder().path("fhir/r4").path(resource.fhirType()).path(resource.getIdPart()).build()
                .toString();
    }
}
