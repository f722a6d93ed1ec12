package health.courses.notification.reply;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import health.courses.notification.sms.SmsConfig;
import io.smallrye.mutiny.Uni;

/**
 * The SMS provider's webhook for messages patients send to a clinic's number (Twilio's convention). Configure the
 * number's "A message comes in" webhook as {@code POST <public url>/sms/inbound/<clinic id>}. No login: the request
 * is the provider's, proven by {@code X-Twilio-Signature} over the URL and every parameter; anything else is 403 and
 * changes nothing. The answer is TwiML: the provider sends its {@code <Message>} back to the patient.
 */
@Path("/sms/inbound/{clinicId}")
@PermitAll
@Tag(name = "SMS replies", description = "Patients' answers to reminders by SMS, as the SMS provider delivers them")
public class InboundSmsResource {

    private static final Logger LOG = Logger.getLogger(InboundSmsResource.class);
    static final String TWIML = "application/xml";
    private static final String EMPTY_RESPONSE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private final ReplyService replies;
    private final InboundSmsConfig config;
    private final SmsConfig sms;

    InboundSmsResource(ReplyService replies, InboundSmsConfig config, SmsConfig sms) {
        this.replies = replies;
        this.config = config;
        this.sms = sms;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(TWIML)
    @Operation(summary = "A patient's SMS to the clinic's number (provider webhook, Twilio convention)",
            description = "Form parameters MessageSid, From, To, Body and whatever else the provider sends; all of "
                    + "them are signed. The first word decides: C/CONFIRM confirms the next session, R asks for "
                    + "another time, STOP (and the carriers' other opt-out words, CANCEL included) ends SMS, "
                    + "START/UNSTOP resumes them, HELP/INFO answers who we are; anything else is kept for the "
                    + "clinic. A MessageSid already received is answered with an empty Response and changes nothing.")
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "TwiML; a Message element when we answer the patient",
            content = @Content(mediaType = TWIML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "confirmed", value = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                            + "<Response><Message>Praxis am Park: Thank you, your session on Tue 30 Mar at 10:00 is "
                            + "confirmed.</Message></Response>")))
    @APIResponse(responseCode = "403", description = "Missing or wrong X-Twilio-Signature; nothing changed",
            content = @Content(mediaType = TWIML, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Uni<Response> receive(
            @Parameter(description = "The clinic whose number received the message") @PathParam("clinicId") String clinicId,
            @Parameter(description = "Base64 HMAC-SHA1 of URL and parameters under the account's auth token")
            @HeaderParam("X-Twilio-Signature") String signature,
            MultivaluedMap<String, String> form, @Context UriInfo uri) {
        Optional<UUID> clinic = clinicId(clinicId);
        Optional<String> token = clinic.flatMap(this::authTokenOf);
        Map<String, List<String>> parameters = form == null ? Map.of() : form;
        if (clinic.isEmpty() || token.isEmpty()
                || !TwilioSignature.matches(signature, token.get(), signedUrl(clinicId, uri), parameters)) {
            // Only the fact: the parameters hold a phone number and a message.
            LOG.warnf("Inbound SMS for clinic %s refused: %s", clinicId,
                    token.isEmpty() ? "no auth token configured for it" : "signature does not match");
            return Uni.createFrom().item(Response.status(403).type(TWIML).entity(EMPTY_RESPONSE).build());
        }
        String messageSid = first(form, "MessageSid");
        if (messageSid == null || messageSid.isBlank()) {
            // Signed, so the provider's; without an id it cannot be applied once, so it is not applied at all.
            return Uni.createFrom().item(Response.ok(EMPTY_RESPONSE, TWIML).build());
        }
        return replies.receive(new ReplyService.InboundSms(clinic.get(), messageSid, first(form, "From"),
                first(form, "Body"))).map(answer -> Response.ok(Twiml.of(answer.message()), TWIML).build());
    }

    /** The URL the provider signed: our public address, the path, and the query string as received. */
    private String signedUrl(String clinicId, UriInfo uri) {
        String base = config.publicUrl().orElseGet(() -> ConfigProvider.getConfig()
                .getValue("courses.checkin.page-url", String.class));
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        String query = uri.getRequestUri().getRawQuery();
        return base + "/sms/inbound/" + clinicId + (query == null ? "" : "?" + query);
    }

    private Optional<String> authTokenOf(UUID clinicId) {
        String own = config.authTokens().get(clinicId.toString());
        return own != null && !own.isBlank() ? Optional.of(own) : sms.authToken().filter(token -> !token.isBlank());
    }

    private static Optional<UUID> clinicId(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    private static String first(MultivaluedMap<String, String> form, String name) {
        return form == null ? null : form.getFirst(name);
    }
}
