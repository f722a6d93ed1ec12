package health.courses.notification.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;


import org.junit.jupiter.api.Test;

import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.Clinics;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Rate limits with small buckets (the suite's only extra profile). Forwarded addresses are believed from the test
 * client at 127.0.0.1 (the one trusted proxy here), so each test gets addresses of its own; a peer at another loopback
 * address is not trusted, as any pod but the ingress controller is not in the manifests.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBuckets.class)
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class RateLimitTest {

    public static class SmallBuckets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "courses.rate-limit.clinic-writes.capacity", "2",
                    "courses.rate-limit.clinic-writes.period", "1h",
                    "courses.rate-limit.check-in.capacity", "2",
                    "courses.rate-limit.check-in.period", "1h",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1");
        }
    }

    @Test
    void aClinicOverItsWriteLimitGets429WithRetryAfterAndOthersDoNot() {
        Clinics busy = Clinics.fresh();
        Clinics quiet = Clinics.fresh();
        for (int i = 0; i < 2; i++) {
            busy.contact(UUID.randomUUID(), Map.of("email", "limit" + i + "@example.org"));
        }
        given().auth().oauth2(busy.token("booking")).contentType(ContentType.JSON)
                .body(Map.of("email", "limit3@example.org")).put("/api/v1/patients/{id}/contact", UUID.randomUUID())
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("type", equalTo("https://courses.health/problems/rate-limited"));
        // Reads are not limited, and another clinic has its own bucket.
        given().auth().oauth2(busy.token("clinician")).get("/api/v1/notification-settings").then().statusCode(200);
        quiet.contact(UUID.randomUUID(), Map.of("email", "quiet@example.org"));
    }

    @Test
    void oneAddressOverTheCheckInLimitGets429OnThePageAndTheApi() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", address).get("/check-in/unknown-" + i).then().statusCode(404);
        }
        given().header("X-Forwarded-For", address).get("/check-in/unknown-3")
                .then().statusCode(429).contentType(containsString("text/html"))
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body("""
                        {"pain":1,"painSites":[],"urination":"normal","erectileDifficulty":false,"irritation":false}""")
                .post("/api/v1/check-ins/unknown-4")
                .then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://courses.health/problems/rate-limited"));
        // Another patient behind the same proxy is not held back.
        given().header("X-Forwarded-For", "198.51.100.7").get("/check-in/unknown-5").then().statusCode(404);
    }

    /**
     * Issue 19: X-Forwarded-For from a peer that is not a trusted proxy is ignored, so forging it neither escapes the
     * limit (a new address per request) nor spends someone else's bucket: the key stays the peer's own address.
     */
    @Test
    void aForgedForwardedForFromAnUntrustedPeerDoesNotChangeTheKey() throws IOException {
        String victim = "192.0.2." + (1 + (int) (Math.random() * 200));
        assertEquals(404, fromUntrustedPeer("/check-in/forged-1", victim));
        assertEquals(404, fromUntrustedPeer("/check-in/forged-2", "192.0.2.250"));
        // a third forged address does not help: the untrusted peer's own bucket (capacity 2) is empty
        assertEquals(429, fromUntrustedPeer("/check-in/forged-3", "198.51.100.250"));
        // and the address it named first still has its whole bucket, through the trusted proxy
        for (int i = 0; i < 2; i++) {
            given().header("X-Forwarded-For", victim).get("/check-in/victim-" + i).then().statusCode(404);
        }
    }

    /**
     * A request from 127.0.0.3 (any 127/8 address is this host's on Linux), which the profile does not trust: a raw
     * HTTP/1.1 exchange, because an HTTP client library does not let a test choose its source address.
     */
    private static int fromUntrustedPeer(String path, String forwardedFor) throws IOException {
        int port = io.restassured.RestAssured.port;
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.3", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
                    + forwardedFor + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
