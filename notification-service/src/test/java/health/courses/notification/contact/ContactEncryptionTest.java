package health.courses.notification.contact;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import health.courses.localstack.DemoClinics;
import health.courses.localstack.LocalStackTestResource;
import health.courses.notification.CourseEvents;
import health.courses.notification.TestStack;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Contact details are ciphertext in the database, readable through the API, rotatable, and fail closed. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL, parallel = true)
class ContactEncryptionTest {

    private static final UUID CLINIC = UUID.fromString(DemoClinics.A);
    private static final String PATH = "/api/v1/patients/{patientId}/contact";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    ContactCipher cipher;

    @Inject
    ContactReencryption reencryption;

    @Test
    void theTableHoldsNoPlaintextAndTheApiReadsItBack() {
        UUID patient = UUID.randomUUID();
        String email = "cipher-" + patient + "@example.org";
        String phone = "+4930" + (1_000_000 + Math.abs(patient.hashCode() % 8_000_000));
        put(patient, email, phone);

        Map<String, Object> row = row(patient);
        assertThat(row, hasEntry("key_id", (Object) "dev"));
        assertThat(row.get("email"), nullValue());
        assertThat(row.get("phone"), nullValue());
        assertNoValueIn(row, email, phone);

        given().auth().oauth2(TestStack.token(DemoClinics.A, "clinician")).get(PATH, patient)
                .then().statusCode(200).body("email", equalTo(email)).body("phone", equalTo(phone));
    }

    @Test
    void rowsInClearFromBeforeTheMigrationAreEncryptedByTheJob() {
        UUID patient = UUID.randomUUID();
        String email = "legacy-" + patient + "@example.org";
        TestStack.execute("insert into patient_contact (clinic_id, patient_id, email, phone) values (?, ?, ?, ?)",
                CLINIC, patient, email, "+4940123456");
        // Readable before the job ran: the dispatcher does not lose the patient in between.
        given().auth().oauth2(TestStack.token(DemoClinics.A, "clinician")).get(PATH, patient)
                .then().statusCode(200).body("email", equalTo(email));

        ContactReencryption.Run run = reencryption.run().await().atMost(PATIENCE);

        assertThat(run.plaintext(), equalTo(0L));
        Map<String, Object> row = row(patient);
        assertThat(row, hasEntry("key_id", (Object) "dev"));
        assertNoValueIn(row, email, "+4940123456");
        given().auth().oauth2(TestStack.token(DemoClinics.A, "clinician")).get(PATH, patient)
                .then().statusCode(200).body("email", equalTo(email)).body("phone", equalTo("+4940123456"))
                .body("version", equalTo(0));
    }

    @Test
    void rowsUnderARotatedOutKeyAreReEncryptedToTheCurrentOne() {
        UUID patient = UUID.randomUUID();
        String email = "rotated-" + patient + "@example.org";
        String oldKey = "test-rotated-out";
        TestStack.execute("""
                insert into patient_contact (clinic_id, patient_id, email_ciphertext, phone_ciphertext, key_id)
                values (?, ?, ?, ?, ?)""", CLINIC, patient,
                cipher.encrypt(oldKey, ContactCipher.Field.EMAIL, CLINIC, patient, email),
                cipher.encrypt(oldKey, ContactCipher.Field.PHONE, CLINIC, patient, "+4989123456"), oldKey);

        ContactReencryption.Run run = reencryption.run().await().atMost(PATIENCE);

        assertThat(run.rowsByKey().get(oldKey), equalTo(0L));
        // What an operator watches before removing the old key.
        given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("courses_contacts_encrypted{key_id=\"" + oldKey + "\"} 0.0"))
                .body(org.hamcrest.Matchers.containsString("courses_contacts_plaintext 0.0"));
        assertThat(TestStack.query("select count(*) as n from patient_contact where key_id = ?", oldKey).get(0).get("n"),
                equalTo((Object) 0L));
        assertThat(row(patient), hasEntry("key_id", (Object) "dev"));
        given().auth().oauth2(TestStack.token(DemoClinics.A, "clinician")).get(PATH, patient)
                .then().statusCode(200).body("email", equalTo(email)).body("phone", equalTo("+4989123456"));
    }

    @Test
    void anAlteredCiphertextIsRefusedClearlyAndNothingIsSentToIt() {
        UUID patient = UUID.randomUUID();
        String email = "tampered-" + patient + "@example.org";
        put(patient, email, null);
        TestStack.execute("""
                update patient_contact set email_ciphertext = set_byte(email_ciphertext, 20, get_byte(email_ciphertext, 20) # 1)
                 where clinic_id = ? and patient_id = ?""", CLINIC, patient);

        given().auth().oauth2(TestStack.token(DemoClinics.A, "clinician")).get(PATH, patient)
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://courses.health/problems/contact-unreadable"));

        CourseEvents.publish(CourseEvents.courseScheduled(UUID.randomUUID(), CLINIC, UUID.randomUUID(), patient));
        Map<String, Object> notification = await().atMost(PATIENCE).until(() -> TestStack.query(
                "select status, status_reason from notification where clinic_id = ? and patient_id = ?", CLINIC, patient),
                rows -> rows.size() == 1 && !List.of("planned", "sending").contains(rows.get(0).get("status")))
                .get(0);
        assertThat(notification, hasEntry("status", (Object) "skipped"));
        assertThat(TestStack.mailbox(email), empty());

        // A PUT replaces what could not be read.
        given().auth().oauth2(TestStack.token(DemoClinics.A, "booking")).contentType(ContentType.JSON)
                .body(Map.of("email", email)).put(PATH, patient).then().statusCode(200);
        given().auth().oauth2(TestStack.token(DemoClinics.A, "clinician")).get(PATH, patient)
                .then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void aCiphertextCopiedToAnotherPatientDoesNotDecrypt() {
        UUID victim = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        put(victim, "victim-" + victim + "@example.org", null);
        put(other, "other-" + other + "@example.org", null);
        TestStack.execute("""
                update patient_contact set email_ciphertext =
                       (select email_ciphertext from patient_contact where clinic_id = ? and patient_id = ?)
                 where clinic_id = ? and patient_id = ?""", CLINIC, victim, CLINIC, other);

        given().auth().oauth2(TestStack.token(DemoClinics.A, "clinician")).get(PATH, other)
                .then().statusCode(409).body("type", equalTo("https://courses.health/problems/contact-unreadable"));
    }

    /** The mail still reaches the patient, and no log line, DEBUG included, carries the address or number. */
    @Test
    void aBookingMailReachesThePatientAndNoLogLineHoldsTheContact() {
        UUID patient = UUID.randomUUID();
        String email = "logscan-" + patient + "@example.org";
        String phone = "+4930" + (1_000_000 + Math.abs(patient.hashCode() % 8_000_000));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getLoggerName() + " " + format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Logger ours = Logger.getLogger("health.courses");
        Level before = ours.getLevel();
        root.addHandler(capture);
        ours.setLevel(Level.FINEST);
        try {
            given().auth().oauth2(TestStack.token(DemoClinics.A, "booking")).contentType(ContentType.JSON)
                    .body(Map.of("email", email, "phone", phone, "preferredChannels", List.of("email", "sms")))
                    .put(PATH, patient).then().statusCode(201);
            CourseEvents.publish(CourseEvents.courseScheduled(UUID.randomUUID(), CLINIC, UUID.randomUUID(), patient));
            assertThat(await().atMost(PATIENCE).until(() -> TestStack.mailbox(email), mails -> !mails.isEmpty()),
                    hasSize(1));
        } finally {
            root.removeHandler(capture);
            ours.setLevel(before);
        }
        assertThat(lines, not(empty()));
        synchronized (lines) {
            for (String line : lines) {
                assertThat(line, line.contains(email) || line.contains(phone) || line.contains(phone.substring(1)),
                        equalTo(false));
            }
        }
    }

    private static String format(LogRecord record) {
        String message = record instanceof org.jboss.logmanager.ExtLogRecord ext ? ext.getFormattedMessage()
                : record.getMessage();
        return message + (record.getThrown() == null ? "" : " " + record.getThrown());
    }

    private static void put(UUID patient, String email, String phone) {
        Map<String, Object> body = phone == null ? Map.of("email", email) : Map.of("email", email, "phone", phone);
        given().auth().oauth2(TestStack.token(DemoClinics.A, "booking")).contentType(ContentType.JSON).body(body)
                .put(PATH, patient).then().statusCode(201);
    }

    private static Map<String, Object> row(UUID patient) {
        List<Map<String, Object>> rows = TestStack.query("select * from patient_contact where clinic_id = ? and patient_id = ?",
                CLINIC, patient);
        assertThat(rows, hasSize(1));
        assertThat(rows.get(0).get("email_ciphertext"), notNullValue());
        return rows.get(0);
    }

    /** Neither the text nor its UTF-8 bytes occur in any column of the raw row. */
    private static void assertNoValueIn(Map<String, Object> row, String... values) {
        for (Object column : row.values()) {
            byte[] bytes = column instanceof byte[] raw ? raw
                    : String.valueOf(column).getBytes(StandardCharsets.UTF_8);
            for (String value : values) {
                assertThat(indexOf(bytes, value.getBytes(StandardCharsets.UTF_8)), equalTo(-1));
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
