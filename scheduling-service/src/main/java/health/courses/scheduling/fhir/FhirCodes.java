package health.courses.scheduling.fhir;

import jakarta.ws.rs.core.EntityTag;
import java.util.UUID;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;

/** The URLs this facade names: its own code systems and extensions live under one base. */
public final class FhirCodes {

    public static final String BASE = "https://courses.health/fhir";
    /** The clinic's own patient id (the REST API's externalReference). */
    public static final String EXTERNAL_REFERENCE = BASE + "/NamingSystem/external-reference";
    /** FHIR's time-zone extension (IANA code), defined for R5 and usable in R4 as an extension by URL. */
    public static final String TIME_ZONE = "http://hl7.org/fhir/StructureDefinition/timezone";
    public static final String FINDINGS = BASE + "/CodeSystem/finding";
    public static final String COURSE = BASE + "/CodeSystem/course";
    public static final String URN_LANGUAGE = "urn:ietf:bcp:47";

    private FhirCodes() {
    }

    public static Reference reference(String type, UUID id) {
        return new Reference(type + "/" + id);
    }

    public static Meta version(int version) {
        return new Meta().setVersionId(Integer.toString(version));
    }

    /** The ETag FHIR clients expect: weak, with the version in quotes (W/"3"); If-Match accepts it back as is. */
    public static EntityTag etag(int version) {
        return new EntityTag(Integer.toString(version), true);
    }

    /** The id in a reference such as {@code Patient/5f0c...} (or a bare id), checked to be of {@code type}. */
    public static String idOf(Reference reference, String type) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        String value = reference.getReference();
        int slash = value.lastIndexOf('/');
        if (slash >= 0 && !value.substring(0, slash).endsWith(type)) {
            return "";
        }
        return value.substring(slash + 1);
    }
}
