package health.courses.notification.checkin;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The items of painSites, for the OpenAPI document only (see contact.ChannelName for why). */
@Schema(name = "PainSite", type = SchemaType.STRING, enumeration = { "lower-back", "rectum", "perineum", "genital-region" })
final class PainSite {

    private PainSite() {
    }
}
