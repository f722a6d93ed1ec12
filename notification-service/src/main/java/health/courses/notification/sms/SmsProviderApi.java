package health.courses.notification.sms;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * A Twilio-style messages API: {@code POST {baseUrl}/Accounts/{sid}/Messages.json}, form-encoded, basic auth.
 * The base URL is {@code quarkus.rest-client.sms-provider.url}.
 */
@RegisterRestClient(configKey = "sms-provider")
@Path("/Accounts/{accountSid}/Messages.json")
public interface SmsProviderApi {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> send(@PathParam("accountSid") String accountSid,
            @HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @FormParam("To") String to,
            @FormParam("From") String from,
            @FormParam("Body") String body);
}
