package health.courses.scheduling.support;

import static io.restassured.RestAssured.given;

import health.courses.localstack.DevTokens;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** A fresh clinic per test, so tests never see each other's bookings, plus its tokens and resources. */
public record TestClinic(UUID id) {

    public static TestClinic fresh() {
        return new TestClinic(UUID.randomUUID());
    }

    public String token(String... roles) {
        return DevTokens.mint(ConfigProvider.getConfig().getValue("local-stack.jwt.private-key", String.class),
                id.toString(), "front-desk@" + id, Set.of(roles));
    }

    public String bookingToken() {
        return token("booking");
    }

    public UUID addPractitioner(String name) {
        return add("/api/v1/practitioners", name);
    }

    public UUID addRoom(String name) {
        return add("/api/v1/rooms", name);
    }

    private UUID add(String path, String name) {
        String id = given().auth().oauth2(bookingToken()).contentType(ContentType.JSON)
                .body(Map.of("name", name))
                .post(path)
                .then().statusCode(201)
                .extract().jsonPath().getString("id");
        return UUID.fromString(id);
    }
}
